// The {{variables}} a template may use, and a scanner that reports misspelt or malformed ones.
export const VARIABLES = ['name', 'ticket', 'category', 'due', 'agency', 'followup', 'crisisLine'] as const;
export type Variable = (typeof VARIABLES)[number];
export type Vars = Partial<Record<Variable, string>>;

export interface VariableIssue {
  /** Offset in the template text. */
  index: number;
  message: string;
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variables a template uses, and anything that looks like a broken one. */
export function scanVariables(text: string): { used: Set<string>; issues: VariableIssue[] } {
  const used = new Set<string>();
  const issues: VariableIssue[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1]!;
    if ((VARIABLES as readonly string[]).includes(name)) used.add(name);
    else
      issues.push({
        index: m.index,
        message: `unknown variable {{${name}}}; use one of: ${VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
      });
  }
  const rest = text.replace(TOKEN, (s) => ' '.repeat(s.length));
  for (const m of rest.matchAll(/\{\{|\}\}|\{\s*([a-z]+)\s*\}/g)) {
    const single = m[1];
    issues.push({
      index: m.index,
      message: single
        ? `'{${single}}' needs double braces: {{${single}}}`
        : `unmatched '${m[0]}' (variables are written {{name}})`,
    });
  }
  return { used, issues };
}

/** Substitutes variables; a missing value becomes '' and the spaces around it are tidied. */
export function fill(text: string, vars: Vars): string {
  const out = text.replace(TOKEN, (_s, name: string) => vars[name as Variable] ?? '');
  return out
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([،,.!؟?:؛;])/g, '$1')
    .replace(/([،,])(?=[،,.!؟?])/g, '')
    .replace(/^[\s،,.]+/, '')
    .trim();
}
