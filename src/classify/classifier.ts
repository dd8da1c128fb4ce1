// The combiner: staff rules first (a matching rule decides, confidence 1), then the model
// when it is confident enough, else 'other' for a person to triage. Urgent signals are
// checked on every tweet, whatever decided the category.
import { FALLBACK_CATEGORY } from '../rules/load';
import type { RulePack } from '../rules/pack';
import { evaluate, type RuleInput } from '../rules/conditions';
import { phraseText } from '../rules/phrases';
import { detectLanguage, normalize, stripHandlesAndUrls } from '../text';
import type { Classifier, Decision } from './types';
import { escalationFromPack } from '../rules/escalation';
import { matchExtraUrgentTerm } from '../decide/urgent-terms';

/** What the combiner needs of a model (src/classify/model.ts's Model fits). */
export interface ModelLike {
  predict(text: string): {
    category: string;
    confidence: number;
    top: { category: string; p: number }[];
    /** Features of the text the model knows; 0 means it only guessed from the priors. */
    known?: number;
  };
}

export interface ClassifierOptions {
  pack: RulePack;
  model?: ModelLike;
  /** Model confidence (0-1) below which the tweet goes to 'other' for triage. */
  threshold: number;
}

export interface RuleMatch {
  id: string;
  /** The rule's category; absent for urgent signals. */
  category?: string;
  priority?: number;
  /** The phrases / patterns that made it match. */
  matched: string[];
}

export interface Explanation {
  decision: Decision;
  /** The text as rules see it: normalised words, handles and links removed. */
  tokens: string[];
  /** The stems phrases are compared on. */
  stems: string[];
  /** Every category rule that matched, in the order they are tried (the first decided). */
  rules: RuleMatch[];
  /** Every urgent signal that matched. */
  urgent: RuleMatch[];
  /** The model's best three guesses (empty without a model). */
  model: { category: string; p: number }[];
}

export type ExplainingClassifier = Classifier & { explain(text: string): Explanation };

export function createClassifier(opts: ClassifierOptions): ExplainingClassifier {
  const { pack, model, threshold } = opts;
  const escalation = pack.files.escalation ? escalationFromPack(pack) : undefined;
  const known = new Set(pack.categories.map((c) => c.id));

  const explain = (text: string): Explanation => {
    const words = phraseText(text);
    const input: RuleInput = { ...words, normalized: stripHandlesAndUrls(normalize(text)) };
    const rules: RuleMatch[] = [];
    for (const r of pack.rules) {
      const matched = evaluate(r.conditions, input);
      if (matched) rules.push({ id: r.id, category: r.category, priority: r.priority, matched });
    }
    const urgent: RuleMatch[] = [];
    for (const s of pack.urgent) {
      const matched = evaluate(s.conditions, input);
      if (matched) urgent.push({ id: s.id, matched });
    }
    // escalation.yml's plain list of extra urgent terms counts too, on every surface.
    const extra = escalation ? matchExtraUrgentTerm(text, escalation) : undefined;
    if (extra) urgent.push({ id: 'escalation.urgentTerms', matched: [extra] });
    const prediction = model && words.tokens.length ? model.predict(text) : undefined;

    const base = {
      lang: detectLanguage(text),
      urgent: urgent.length > 0,
      ...(urgent[0] ? { urgentTerm: urgent[0].matched.join(' + ') } : {}),
    };
    let decision: Decision;
    const winner = rules[0];
    if (winner) {
      decision = {
        ...base,
        category: winner.category!,
        confidence: 1,
        source: 'rule',
        rule: winner.id,
        needsTriage: false,
      };
    } else if (
      prediction &&
      prediction.confidence >= threshold &&
      prediction.known !== 0 &&
      known.has(prediction.category)
    ) {
      decision = {
        ...base,
        category: prediction.category,
        confidence: prediction.confidence,
        source: 'model',
        needsTriage: false,
      };
    } else {
      decision = {
        ...base,
        category: FALLBACK_CATEGORY,
        confidence: prediction?.confidence ?? 0,
        source: 'fallback',
        needsTriage: true,
      };
    }
    return {
      decision,
      tokens: words.tokens,
      stems: words.keys,
      rules,
      urgent,
      model: prediction?.top.slice(0, 3) ?? [],
    };
  };

  return { classify: (text) => explain(text).decision, explain };
}
