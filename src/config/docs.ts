// Renders .env.example and the README's configuration table from the variable list, so the
// docs cannot drift from what the code reads (test/config.test.ts compares them).
import { variables, type Variable } from './variables';

const all = (): Variable[] => Object.values(variables) as Variable[];

export function renderEnvExample(): string {
  const lines = [
    '# Mujib configuration. Copy to .env and fill in what you need; every variable is optional',
    '# unless marked required. With no X credentials Mujib runs its built-in sandbox; with no',
    '# MONGODB_URI it runs an embedded FerretDB database (needs Go).',
    '',
  ];
  for (const v of all()) {
    lines.push(`# ${v.description}`);
    lines.push(
      `# Default: ${v.default === undefined ? '(none)' : v.default === '' ? '(empty)' : v.default}. Example: ${v.example}`,
    );
    lines.push(`${v.default === undefined ? '# ' : ''}${v.name}=${v.default ?? v.example}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderConfigTable(): string {
  const rows = ['| Variable | What it does | Default | Example |', '| --- | --- | --- | --- |'];
  for (const v of all()) {
    const def = v.default === undefined ? '—' : v.default === '' ? '(empty)' : `\`${v.default}\``;
    rows.push(`| \`${v.name}\` | ${v.description.replace(/\|/g, '\\|')} | ${def} | \`${v.example}\` |`);
  }
  return rows.join('\n');
}
