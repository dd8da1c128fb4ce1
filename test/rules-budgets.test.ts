// Issue 15, finding 1: rule files are untrusted input. The three hostile categories.yml files
// (30 KB of nesting, one 20,000-phrase anchor reused in 999 rules, 50 MB) are refused with
// file:line:col, quickly and in little memory, and a running bot keeps answering meanwhile
// with its last good rules. Time and memory: bench/hostile-rules.ts.
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadRulePack } from '../src/pack/load';
import { formatProblem } from '../src/rules/problem';
import { RULE_BUDGETS } from '../src/rules/budgets';
import { parseYamlText } from '../src/rules/yaml-source';
import { aliasYaml, copyShippedRules, hostileYaml, type HostileKind } from './support/hostile-rules';
import { startTestBot, tickUntil, useBotHarness } from './support/bot';

const EXPECTED: Record<HostileKind, RegExp> = {
  nested: /categories\.yml:6:\d+: nested more than 32 levels deep here/,
  // 490 KB: refused on its size before a byte is parsed (the alias budget: see below).
  aliases: /categories\.yml:1:1: file is 49\d KB; a rules file may be at most 256 KB/,
  huge: /categories\.yml:1:1: file is 50\.0 MB; a rules file may be at most 256 KB/,
};

describe('hostile rule files are refused with their place', () => {
  let dir: string;
  beforeEach(() => (dir = copyShippedRules()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const kind of ['nested', 'aliases', 'huge'] as HostileKind[]) {
    it(`${kind}`, () => {
      fs.writeFileSync(path.join(dir, 'categories.yml'), hostileYaml(kind));
      const t0 = process.hrtime.bigint();
      const r = loadRulePack(dir);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(`${kind}: refused in ${ms.toFixed(0)} ms`); // the numbers live in the bench
      expect(r.pack).toBeUndefined();
      expect(r.problems.map(formatProblem)).toEqual([expect.stringMatching(EXPECTED[kind])]);
    });
  }
});

describe('budgets', () => {
  it('a smaller anchored list reused in 999 rules is refused by the alias budget', () => {
    const dir = copyShippedRules();
    try {
      fs.writeFileSync(path.join(dir, 'categories.yml'), aliasYaml(8_000, 999));
      expect(fs.statSync(path.join(dir, 'categories.yml')).size).toBeLessThan(RULE_BUDGETS.maxFileBytes);
      expect(loadRulePack(dir).problems.map(formatProblem)).toEqual([
        expect.stringMatching(/categories\.yml:\d+:14: aliases expand the file past 100,000 values here/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts the nodes an alias brings in, not how many aliases there are', () => {
    const list = Array.from({ length: 200 }, (_, i) => `  - w${i}`).join('\n');
    const uses = Array.from({ length: 20 }, (_, i) => `b${i}: *a`).join('\n');
    const text = `a: &a\n${list}\n${uses}\n`;
    expect(parseYamlText(text, 'f.yml').problems).toEqual([]); // 4,200 values
    const tight = { ...RULE_BUDGETS, maxNodes: 2_000 };
    expect(parseYamlText(text, 'f.yml', tight).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^f\.yml:\d+:5: aliases expand the file past 2,000 values/),
    ]);
  });

  it('deep block nesting is caught like flow nesting', () => {
    const text = `${'- '.repeat(5_000)}x\n`;
    expect(parseYamlText(text, 'f.yml').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^f\.yml:1:\d+: nested more than 32 levels deep/),
    ]);
    // The shipped pack nests 7 levels at most: 32 is far from it.
  });

  it('limits phrases per rule and rules per pack, at the rule', () => {
    const dir = copyShippedRules();
    try {
      const file = path.join(dir, 'categories.yml');
      const many = Array.from({ length: 1_001 }, (_, i) => `          - كلمة${i}`).join('\n');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(
        file,
        text.replace(/( {6}- id: roads-potholes\n {8}priority: 45\n {8}any:\n)/, `$1${many}\n`),
      );
      expect(loadRulePack(dir).problems.map(formatProblem)).toEqual([
        `${file}:20:9: this rule has 1,012 phrases and patterns; at most 1,000 per rule (split it into several rules)`,
      ]);
      fs.writeFileSync(file, text);
      const r = loadRulePack(dir, { budgets: { ...RULE_BUDGETS, maxRulesPerPack: 10 } });
      expect(r.problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /categories\.yml:\d+:9: more than 10 rules in the pack \(category rules and urgent signals together\)$/,
        ),
      ]);
      const packLimit = loadRulePack(dir, { budgets: { ...RULE_BUDGETS, maxPackBytes: 100_000 } });
      expect(packLimit.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/:1:1: with this file the rules folder passes 98 KB of rules files/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a running bot and hostile edits', () => {
  const h = useBotHarness('rules-budgets');
  jest.setTimeout(120_000);

  it('keeps answering on its last good rules, reports each file at its place, never stalls', async () => {
    const dir = copyShippedRules();
    const file = path.join(dir, 'categories.yml');
    const original = fs.readFileSync(file, 'utf8');
    try {
      h.rt = await startTestBot(h.emu, h.dbName, { RULES_DIR: dir }, {}, { watchRules: true });
      const rt = h.rt;
      const repliesTo = (id: string) => h.emu.posts().filter((p) => p.inReplyToId === id);
      let n = 0;
      const answered = async () => {
        const t = h.emu.injectMention({ text: `حفرة كبيرة في شارع رقم ${++n}`, author: `citizen_${n}` });
        await tickUntil(rt, () => repliesTo(t.id).length === 1);
        expect(repliesTo(t.id)[0]!.text).toMatch(/AM-\d{4}-\d+/);
      };
      await answered();
      for (const kind of ['nested', 'aliases', 'huge'] as HostileKind[]) {
        const lag = monitorEventLoopDelay({ resolution: 10 });
        lag.enable();
        fs.writeFileSync(file, hostileYaml(kind));
        const t0 = Date.now();
        while (rt.rules.status().ok) {
          if (Date.now() - t0 > 30_000) throw new Error(`${kind}: not reported`);
          await new Promise((r) => setTimeout(r, 20));
        }
        lag.disable();
        const status = rt.rules.status();
        console.log(
          `${kind}: reported after ${Date.now() - t0} ms, longest event-loop stall ${(lag.max / 1e6).toFixed(0)} ms`,
        );
        expect(status.problems).toEqual([expect.stringMatching(EXPECTED[kind])]);
        expect(status.invalidSince).toBeInstanceOf(Date);
        expect(lag.max / 1e6).toBeLessThan(2_000); // "never stall for more than a moment"
        await answered(); // the last good rules still answer
        fs.writeFileSync(file, original);
        const t1 = Date.now();
        while (!rt.rules.status().ok) {
          if (Date.now() - t1 > 30_000) throw new Error(`${kind}: fixed file not applied`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
