// The combiner: staff rules first (a matching rule decides, confidence 1), then the model
// when it is confident enough, else 'other' for a person to triage. Urgent signals are
// checked on every tweet, whatever decided the category.
import { FALLBACK_CATEGORY } from '../rules/pack';
import type { RulePack } from '../rules/pack';
import { evaluate, type RuleInput } from '../rules/conditions';
import { phraseText } from '../rules/phrases';
import { detectLanguage, normalize, stripHandlesAndUrls } from '../text';
import { arabiziToArabic } from '../text/arabizi';
import { glossesFor } from '../text/glossary';
import { districtNames } from '../text/district';
import { detectOutcome, withoutPhrases } from '../outcome/detect';
import { findInsults } from '../outcome/insults';
import { outcomeRulesFromPack } from '../outcome/rules';
import type { Classifier, Decision } from './types';
import type { SignalRoute } from '../rules/routes';
import { escalationFromPack } from '../rules/escalation';
import { matchExtraUrgentTerm } from './urgent-terms';
import type { Model } from './model';
import { judgeUrgency } from './urgency';
import { urgentProbability } from './urgency-model';
import { learnedScores } from './outcome-model';

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
  /** The learned urgency model (src/classify/urgency-model.ts); its threshold is escalation.yml's. */
  urgencyModel?: Model;
  /** The learned spam/chatter score (src/classify/outcome-model.ts); its threshold is outcomes.yml's. */
  outcomeModel?: Model;
  /** Instead of outcomes.yml learned.threshold (its calibration tries several). */
  learnedThreshold?: number;
}

export interface RuleMatch {
  id: string;
  /** The rule's category; absent for urgent signals. */
  category?: string;
  /** An urgent signal's route (emergency, integrity, self_harm, threat). */
  route?: SignalRoute;
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
  /** The urgency model's P(urgent) and threshold (absent without one). */
  urgencyModel?: { p: number; threshold: number };
}

export type ExplainingClassifier = Classifier & { explain(text: string): Explanation };

export function createClassifier(opts: ClassifierOptions): ExplainingClassifier {
  const { pack, model, threshold, urgencyModel, outcomeModel } = opts;
  const escalation = pack.files.escalation ? escalationFromPack(pack) : undefined;
  const urgencyThreshold = escalation?.urgency.modelThreshold ?? 0.8;
  const useUrgencyModel = urgencyModel && escalation?.urgency.useModel !== false;
  const known = new Set(pack.categories.map((c) => c.id));
  const outcomes = outcomeRulesFromPack(pack);
  if (opts.learnedThreshold !== undefined) outcomes.learned = { threshold: opts.learnedThreshold };

  const explain = (text: string): Explanation => {
    const lang = detectLanguage(text);
    const normalizedFull = normalize(text);
    // Arabizi is read in Arabic letters (the rules and the model know Arabic); insults are cut
    // out before anything looks for a topic (calling staff "dogs" is not a pest report).
    let readable = lang === 'arabizi' ? arabiziToArabic(stripHandlesAndUrls(normalizedFull)) : text;
    // Urdu, Persian, Hindi, Bengali, Tagalog: their municipal words' Arabic glosses appended.
    const glosses = glossesFor(lang, phraseText(readable).tokens);
    if (glosses.length) readable = `${readable} ${glosses.join(' ')}`;
    const fullWords = phraseText(readable);
    const insults = findInsults(fullWords, outcomes.abuse);
    const cutText = insults.cut.size
      ? fullWords.tokens.filter((_, i) => !insults.cut.has(i)).join(' ')
      : readable;
    text = cutText;
    const words = insults.cut.size ? phraseText(cutText) : fullWords;
    const input: RuleInput = { ...words, normalized: stripHandlesAndUrls(normalize(text)) };
    // The topic is looked for without district names (حي النخيل is no park).
    const names = districtNames(words.tokens);
    const keep = (_: string, i: number) => !names.has(i);
    const topicInput: RuleInput = names.size
      ? { tokens: words.tokens.filter(keep), keys: words.keys.filter(keep), normalized: input.normalized }
      : input;
    const topicText = names.size ? words.tokens.filter(keep).join(' ') : text;
    const rules: RuleMatch[] = [];
    for (const r of pack.rules) {
      const matched = evaluate(r.conditions, topicInput);
      if (matched) rules.push({ id: r.id, category: r.category, priority: r.priority, matched });
    }
    const urgent: RuleMatch[] = [];
    for (const s of pack.urgent) {
      const matched = evaluate(s.conditions, input);
      if (matched) urgent.push({ id: s.id, route: s.route, matched });
    }
    // escalation.yml's plain list of extra urgent terms counts too, on every surface.
    const extra = escalation ? matchExtraUrgentTerm(text, escalation) : undefined;
    if (extra) urgent.push({ id: 'escalation.urgentTerms', route: 'emergency', matched: [extra] });
    const prediction = model && words.tokens.length ? model.predict(topicText) : undefined;

    // Urgency: staff signals and the learned model both count (src/classify/urgency.ts).
    const modelP = useUrgencyModel && words.tokens.length ? urgentProbability(urgencyModel, text) : undefined;
    const verdict = judgeUrgency({
      signals: urgent.map((u) => ({ id: u.id, route: u.route ?? 'emergency', matched: u.matched })),
      ...(modelP !== undefined ? { modelP } : {}),
      threshold: urgencyThreshold,
    });
    const base = { lang, ...verdict };
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
    // A bribe is a matter of staff conduct by definition: when nothing confident decided the
    // category, the integrity signal does (escalation.yml routes.integrity.category).
    const integrity = decision.urgency?.signals.find((s) => s.route === 'integrity');
    const integrityCategory = escalation?.routes.integrity.category;
    if (
      decision.route === 'integrity' &&
      decision.source === 'fallback' &&
      integrity &&
      integrityCategory &&
      known.has(integrityCategory)
    )
      decision = {
        ...decision,
        category: integrityCategory,
        confidence: 1,
        source: 'rule',
        rule: integrity.id,
        needsTriage: false,
      };
    // Praise may be sarcasm over a problem: what would the model say without the thanks?
    const sansPraise =
      model && decision.category === 'praise' ? withoutPhrases(outcomes.sarcasm.praise, words) : '';
    const modelWithoutPraise = sansPraise.trim() ? model!.predict(sansPraise).top : undefined;
    const found = detectOutcome(
      {
        normalized: normalizedFull,
        words,
        fullWords,
        matched: rules.map((r) => ({ id: r.id, category: r.category! })),
        urgent: decision.urgent,
        category: decision.category,
        source: decision.source,
        model: prediction?.top ?? [],
        ...(modelWithoutPraise ? { modelWithoutPraise } : {}),
        insults: insults.words,
        threshold,
        ...(outcomeModel ? { learned: learnedScores(outcomeModel, normalizedFull) } : {}),
      },
      outcomes,
    );
    if (found.recategorised) {
      const r = found.recategorised;
      decision = {
        ...base,
        category: r.category,
        confidence: r.confidence,
        source: r.source,
        ...(r.rule ? { rule: r.rule } : {}),
        needsTriage: r.source === 'fallback',
      };
    }
    decision = {
      ...decision,
      outcome: found.outcome,
      outcomeReason: found.reason,
      ...(found.insult ? { insult: true } : {}),
      ...(found.sarcasm ? { sarcasm: true } : {}),
      ...(found.agency ? { agency: found.agency } : {}),
    };
    return {
      decision,
      tokens: words.tokens,
      stems: words.keys,
      rules,
      urgent,
      model: prediction?.top.slice(0, 3) ?? [],
      ...(modelP !== undefined ? { urgencyModel: { p: modelP, threshold: urgencyThreshold } } : {}),
    };
  };

  return { classify: (text) => explain(text).decision, explain };
}
