import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProblem, parseYamlFile, parseYamlText, validateWithSchema } from '../src/rules/yaml-source';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', minLength: 1 },
          priority: { type: 'number' },
          terms: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          lang: { enum: ['ar', 'en'] },
        },
      },
    },
  },
};

const show = (text: string) => validateWithSchema(parseYamlText(text, 'r.yml'), schema).map(formatProblem);

describe('yaml-source', () => {
  it('reports a YAML syntax error at its real position', () => {
    const src = parseYamlText('rules:\n  - id: a\n    terms: [x, y\n', 'r.yml');
    expect(src.problems.length).toBeGreaterThan(0);
    expect(formatProblem(src.problems[0]!)).toMatch(/^r\.yml:[34]:\d+: /);
  });

  it('reports duplicate keys where the second one is', () => {
    const src = parseYamlText('rules:\n  - id: a\n    id: b\n', 'r.yml');
    expect(src.problems.map(formatProblem)[0]).toBe(
      "r.yml:3:5: duplicate key 'id' (each key may appear only once here)",
    );
  });

  it('names unknown keys with a suggestion, at the key', () => {
    expect(show('rules:\n  - id: a\n    tems: [x]\n')).toEqual([
      "r.yml:3:5: unknown key 'tems' (did you mean 'terms'?)",
    ]);
  });

  it('says what type a value must be, at the value', () => {
    expect(show('rules:\n  - id: a\n    priority: high\n')).toEqual([
      "r.yml:3:15: 'priority' must be a number",
    ]);
    expect(show('rules:\n  - id: a\n    terms: [x, 3]\n')).toEqual([
      "r.yml:3:16: item 2 of 'terms' must be text (a string)",
    ]);
  });

  it('points a missing key at its mapping and an empty value at its key', () => {
    expect(show('rules:\n  - priority: 1\n')).toEqual([
      "r.yml:2:5: missing required key 'id' in item 1 of 'rules'",
    ]);
    expect(show('rules:\n')).toEqual(["r.yml:1:1: 'rules' is empty; it must be a list"]);
  });

  it('reports every error, not just the first', () => {
    expect(show('rules:\n  - id: a\n    lang: fr\n  - id: ""\n    terms: [x, x]\n')).toEqual([
      "r.yml:3:11: 'lang' is 'fr', which is not allowed; use one of: ar, en",
      "r.yml:4:9: 'id' must not be empty",
      "r.yml:5:16: 'terms' lists the same value twice (items 1 and 2)",
    ]);
  });

  it('reads files and reports unreadable ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-yaml-'));
    fs.writeFileSync(path.join(dir, 'a.yml'), '# comment\nrules:\n  - id: طرق\n');
    const src = parseYamlFile(path.join(dir, 'a.yml'), 'a.yml');
    expect(src.data).toEqual({ rules: [{ id: 'طرق' }] });
    expect(src.locate(['rules', 0, 'id'])).toEqual({ line: 3, col: 9 });
    expect(parseYamlFile(path.join(dir, 'nope.yml')).problems[0]!.message).toMatch(/cannot read file/);
  });
});
