// scripts/check-imports.js (part of `npm run lint`): an import up the layers or round a loop
// fails the lint with the file that does it; a tree that keeps to the layers passes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve(__dirname, '..', 'scripts', 'check-imports.js');

function check(files: Record<string, string>): { code: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-imports-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('the import check', () => {
  it('passes imports that go down the layers', () => {
    const r = check({
      'text/lang.ts': 'export type Lang = string;\n',
      'classify/types.ts': "import type { Lang } from '../text/lang';\nexport type D = Lang;\n",
    });
    expect(r.out).toContain('imports: ok');
    expect(r.code).toBe(0);
  });

  it('refuses an import up the layers, naming the file', () => {
    const r = check({
      'classify/types.ts': 'export type D = string;\n',
      'text/analyze.ts': "import type { D } from '../classify/types';\nexport type A = D;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'src/text/analyze.ts imports src/classify/types.ts: text/ may not import classify/',
    );
  });

  it('refuses two folders of one layer importing each other', () => {
    const r = check({
      'bot/a.ts': "import { c } from '../console/c';\nexport const a = c;\n",
      'console/c.ts': 'export const c = 1;\n',
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('bot/ may not import console/');
  });

  it('refuses a cycle between files of one folder', () => {
    const r = check({
      'reply/a.ts': "import type { B } from './b';\nexport type A = B | 1;\n",
      'reply/b.ts': "import type { A } from './a';\nexport type B = A | 2;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('import cycle: reply/a.ts ↔ reply/b.ts');
  });

  it('refuses a folder that is in no layer', () => {
    const r = check({ 'misc/x.ts': 'export const x = 1;\n' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('src/misc/ is in no layer');
  });
});
