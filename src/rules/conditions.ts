// A rule's conditions (any / all / none / regex), compiled once at load time and evaluated
// on each tweet. Shared by category rules and urgent signals.
import { compilePhrase, phraseOccurs, type Phrase, type PhraseText } from './phrases';
import { RULE_BUDGETS } from './budgets';
import type { Problem } from './problem';
import { compileRegex, type StaffRegex } from './regex';
import type { YamlPath, YamlSource } from './yaml-source';

export interface ConditionsDef {
  any?: string[];
  all?: (string | string[])[];
  none?: string[];
  regex?: string[];
  enabled?: boolean;
}

export interface Conditions {
  any: Phrase[];
  /** Each item: alternatives, one of which must occur. */
  all: Phrase[][];
  none: Phrase[];
  regex: StaffRegex[];
  enabled: boolean;
}

/** What the text looks like to a rule: its words and its normalised whole. */
export interface RuleInput extends PhraseText {
  normalized: string;
}

/** Compiles conditions; problems point at the offending phrase or pattern. */
export function compileConditions(
  def: ConditionsDef,
  src: YamlSource,
  at: YamlPath,
  problems: Problem[],
  maxPhrases = RULE_BUDGETS.maxPhrasesPerRule,
): Conditions {
  const count =
    (def.any?.length ?? 0) +
    (def.none?.length ?? 0) +
    (def.regex?.length ?? 0) +
    (def.all ?? []).reduce((n, item) => n + (typeof item === 'string' ? 1 : item.length), 0);
  if (count > maxPhrases) {
    // Not compiled at all: a million phrases would take the bot's loop for seconds.
    problems.push(
      src.problemAt(
        at,
        `this rule has ${count.toLocaleString('en')} phrases and patterns; at most ${maxPhrases.toLocaleString('en')} per rule (split it into several rules)`,
      ),
    );
    return { any: [], all: [], none: [], regex: [], enabled: false };
  }
  const phrase = (text: string, path: YamlPath): Phrase | undefined => {
    const p = compilePhrase(text);
    if (typeof p === 'string') {
      problems.push(src.problemAt(path, p));
      return undefined;
    }
    return p;
  };
  const list = (items: string[] | undefined, key: string) =>
    (items ?? []).flatMap((t, i) => phrase(t, [...at, key, i]) ?? []);
  const all = (def.all ?? []).map((item, i) =>
    typeof item === 'string'
      ? [phrase(item, [...at, 'all', i])].flatMap((p) => p ?? [])
      : item.flatMap((t, j) => phrase(t, [...at, 'all', i, j]) ?? []),
  );
  const regex = (def.regex ?? []).flatMap((r, i) => {
    const re = compileRegex(r);
    if (typeof re === 'string') {
      problems.push(src.problemAt([...at, 'regex', i], re));
      return [];
    }
    return [re];
  });
  if (!def.any?.length && !def.all?.length && !def.regex?.length)
    problems.push(src.problemAt(at, "nothing to match: give 'any', 'all' or 'regex'"));
  return {
    any: list(def.any, 'any'),
    all,
    none: list(def.none, 'none'),
    regex,
    enabled: def.enabled !== false,
  };
}

/** The phrases/patterns that made it match (for the "why"), or undefined when it does not. */
export function evaluate(c: Conditions, input: RuleInput): string[] | undefined {
  if (!c.enabled) return undefined;
  const why: string[] = [];
  if (c.any.length) {
    const hit = c.any.find((p) => phraseOccurs(p, input));
    if (!hit) return undefined;
    why.push(hit.source);
  }
  for (const alternatives of c.all) {
    const hit = alternatives.find((p) => phraseOccurs(p, input));
    if (!hit) return undefined;
    why.push(hit.source);
  }
  if (c.none.some((p) => phraseOccurs(p, input))) return undefined;
  if (c.regex.length) {
    const hit = c.regex.find((r) => r.test(input.normalized));
    if (!hit) return undefined;
    why.push(`/${hit.source}/`);
  }
  return why;
}
