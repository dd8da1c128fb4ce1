// escalation.yml's extra urgent terms, matched like the category rules' phrases: normalised,
// whole (stemmed) words, a phrase as adjacent words. The classifier's own urgent signals stay
// in urgent.yml; these let staff add one without touching the rules.
import type { EscalationPolicy } from '../rules/escalation';
import { analyze, normalize, tokenize, stem } from '../text';

const stems = (text: string) => tokenize(text).map((t) => stem(t));

/** The first extra urgent term the text contains, or undefined. */
export function matchExtraUrgentTerm(text: string, policy: EscalationPolicy): string | undefined {
  const words = analyze(text).tokens.map((t) => stem(t));
  for (const term of [...policy.urgentTerms.ar, ...policy.urgentTerms.en]) {
    const want = stems(normalize(term));
    if (want.length === 0) continue;
    for (let i = 0; i + want.length <= words.length; i++)
      if (want.every((w, j) => words[i + j] === w)) return term;
  }
  return undefined;
}
