import { Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv, parseJsonLines, parseLabelledCsv, readLabelledFile } from '../src/classify/dataset';
import { computeMetrics } from '../src/classify/metrics';
import { registerEval } from '../src/cli/commands/eval';

describe('computeMetrics', () => {
  // Confusion matrix (rows: true, columns: predicted)
  //          a  b  c
  //     a    3  1  0
  //     b    1  2  1
  //     c    0  0  2
  const cells: [string, string, number][] = [
    ['a', 'a', 3],
    ['a', 'b', 1],
    ['b', 'a', 1],
    ['b', 'b', 2],
    ['b', 'c', 1],
    ['c', 'c', 2],
  ];
  const pairs = cells.flatMap(([actual, predicted, n]) =>
    Array.from({ length: n }, () => ({ actual, predicted })),
  );
  const m = computeMetrics(pairs);

  it('computes accuracy and per-category precision / recall / F1 by hand', () => {
    expect(m.total).toBe(10);
    expect(m.correct).toBe(7);
    expect(m.accuracy).toBeCloseTo(0.7, 12);
    const by = Object.fromEntries(m.perCategory.map((c) => [c.category, c]));
    // a: P = 3/4, R = 3/4, F1 = 3/4
    expect(by.a).toMatchObject({ support: 4 });
    expect(by.a!.precision).toBeCloseTo(0.75, 12);
    expect(by.a!.recall).toBeCloseTo(0.75, 12);
    expect(by.a!.f1).toBeCloseTo(0.75, 12);
    // b: P = 2/3, R = 2/4, F1 = 2·(2/3)(1/2)/(2/3+1/2) = 4/7
    expect(by.b!.precision).toBeCloseTo(2 / 3, 12);
    expect(by.b!.recall).toBeCloseTo(0.5, 12);
    expect(by.b!.f1).toBeCloseTo(4 / 7, 12);
    // c: P = 2/3, R = 1, F1 = 0.8
    expect(by.c!.precision).toBeCloseTo(2 / 3, 12);
    expect(by.c!.recall).toBeCloseTo(1, 12);
    expect(by.c!.f1).toBeCloseTo(0.8, 12);
    expect(m.macroF1).toBeCloseTo((0.75 + 4 / 7 + 0.8) / 3, 12);
  });

  it('lists confusions largest first, ties in a stable order', () => {
    expect(m.confusions).toEqual([
      { actual: 'a', predicted: 'b', count: 1 },
      { actual: 'b', predicted: 'a', count: 1 },
      { actual: 'b', predicted: 'c', count: 1 },
    ]);
    expect(computeMetrics(pairs, { topConfusions: 1 }).confusions).toHaveLength(1);
  });

  it('counts a category only ever predicted (never true) with F1 0', () => {
    const r = computeMetrics([
      { actual: 'x', predicted: 'x' },
      { actual: 'x', predicted: 'y' },
    ]);
    expect(r.perCategory.find((c) => c.category === 'y')).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 0,
    });
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(computeMetrics([]).accuracy).toBe(0);
  });
});

describe('labelled files', () => {
  it('parses RFC 4180 CSV: quotes, doubled quotes, commas and line breaks inside fields, CRLF, BOM', () => {
    const csv =
      '\uFEFFlabel,text\r\n"وصول البطاقة","ما زلت، أنتظر ""بطاقتي""؟"\r\nroads,"line one\nline two"\r\nx,\r\n';
    expect(parseCsv(csv)).toEqual([
      ['label', 'text'],
      ['وصول البطاقة', 'ما زلت، أنتظر "بطاقتي"؟'],
      ['roads', 'line one\nline two'],
      ['x', ''],
    ]);
    expect(parseLabelledCsv(csv)).toEqual([
      { category: 'وصول البطاقة', text: 'ما زلت، أنتظر "بطاقتي"؟' },
      { category: 'roads', text: 'line one\nline two' },
      { category: 'x', text: '' },
    ]);
  });

  it('finds the columns by header name, in any order, and rejects a header without them', () => {
    expect(parseLabelledCsv('text,category\nحفرة,roads\n')).toEqual([{ category: 'roads', text: 'حفرة' }]);
    expect(() => parseLabelledCsv('a,b\n1,2\n')).toThrow(/header/);
    expect(() => parseCsv('label,text\n"open')).toThrow(/unterminated/);
  });

  it('reads JSON lines with label or category', () => {
    expect(parseJsonLines('{"label":"a","text":"x"}\n\n{"category":"b","text":"y"}\n')).toEqual([
      { category: 'a', text: 'x' },
      { category: 'b', text: 'y' },
    ]);
    expect(() => parseJsonLines('{"text":"x"}')).toThrow(/line 1/);
    expect(() => parseJsonLines('not json')).toThrow(/not JSON/);
  });

  it('reads the real ArBanking77 header when the dataset is there', () => {
    const f = path.resolve(
      __dirname,
      '..',
      '..',
      'shared',
      'datasets',
      'arbanking77',
      'Banking77_Arabized_Saudi_test.csv',
    );
    if (!fs.existsSync(f)) return;
    const rows = readLabelledFile(f);
    expect(rows.length).toBeGreaterThan(3000);
    expect(new Set(rows.map((r) => r.category)).size).toBe(77);
    expect(rows.every((r) => r.text.length > 0)).toBe(true);
  });
});

describe('mujib eval', () => {
  // The command itself, on its own commander program, with stdout captured.
  async function runEval(args: string[]): Promise<string> {
    const program = new Command().exitOverride();
    registerEval(program);
    const lines: string[] = [];
    const spy = jest
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      await program.parseAsync(['node', 'mujib', 'eval', ...args]);
    } finally {
      spy.mockRestore();
    }
    return lines.join('\n');
  }

  it('trains, tests and reports metrics as JSON and as a table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-eval-'));
    try {
      const train = path.join(dir, 'train.csv');
      const test = path.join(dir, 'test.jsonl');
      fs.writeFileSync(
        train,
        'label,text\n' +
          [
            'roads,"حفرة كبيرة في الشارع"',
            'roads,"الأسفلت متكسر في الطريق"',
            'roads,"مطب بدون لوحة في الشارع"',
            'lighting,"الإنارة طافية في الحي"',
            'lighting,"عمود الإنارة طايح"',
            'lighting,"الشارع مظلم والإنارة خربانة"',
          ].join('\n'),
      );
      fs.writeFileSync(
        test,
        ['{"label":"roads","text":"حفرة في الطريق"}', '{"label":"lighting","text":"الإنارة طافية"}'].join(
          '\n',
        ),
      );
      const out = await runEval(['--train', train, '--test', test, '--json']);
      expect(JSON.parse(out)).toMatchObject({ accuracy: 1, macroF1: 1, total: 2, train: { examples: 6 } });
      expect(await runEval(['--train', train, '--test', test])).toMatch(/accuracy {2}100\.0% {2}\(2\/2\)/);
      await expect(runEval(['--train', path.join(dir, 'missing.csv'), '--test', test])).rejects.toThrow(
        /missing\.csv/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
