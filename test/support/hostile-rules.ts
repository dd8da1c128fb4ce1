// The three hostile categories.yml files of issue 15 (finding 1), written into a copy of the
// shipped pack. Shared by test/rules-budgets.test.ts and bench/hostile-rules.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type HostileKind = 'nested' | 'aliases' | 'huge';

const HEAD = `categories:
  - id: other
    names: { ar: أخرى, en: Other }
    rules:
`;

/** 30 KB of deeply nested flow sequences inside one rule's phrase list. */
export function nestedYaml(bytes = 30_000): string {
  const depth = Math.floor((bytes - 200) / 2);
  return `${HEAD}      - id: deep\n        any: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** ~500 KB: one anchored 20,000-phrase list, reused by alias in 999 rules (20M phrases expanded). */
export function aliasYaml(phrases = 20_000, rules = 999): string {
  const list = Array.from({ length: phrases }, (_, i) => `          - phrase${i}`).join('\n');
  const uses = Array.from({ length: rules - 1 }, (_, i) => `      - id: r${i + 1}\n        any: *p`).join(
    '\n',
  );
  return `${HEAD}      - id: r0\n        any: &p\n${list}\n${uses}\n`;
}

/** A 50 MB file: a valid head followed by megabytes of phrases. */
export function hugeYaml(bytes = 50 * 1024 * 1024): string {
  const line = '          - كلمة طويلة جدا للحشو\n';
  const n = Math.ceil(bytes / Buffer.byteLength(line));
  return `${HEAD}      - id: big\n        any:\n${line.repeat(n)}`;
}

export function hostileYaml(kind: HostileKind): string {
  return kind === 'nested' ? nestedYaml() : kind === 'aliases' ? aliasYaml() : hugeYaml();
}

/** A copy of the shipped rules/ in a temporary folder. */
export function copyShippedRules(prefix = 'mujib-hostile-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(path.resolve(__dirname, '..', '..', 'rules'), dir, { recursive: true });
  return dir;
}
