// Calibrating outcomes.yml spam/chatter modelThreshold: k-fold cross-validation on the
// training examples themselves (never the dev set), like urgency-calibrate.ts. Every example
// is scored by a model that did not see it; per threshold we report the share of spam (or
// chatter) examples caught and of resident examples that would lose their ticket, and suggest
// the lowest threshold that takes the ticket from at most `budget` of the residents.
import type { RulePack } from '../rules/pack';
import { createClassifier } from './classifier';
import { trainModel, type TrainingExample } from './model';
import { RESIDENT, type LearnedScores } from './outcome-model';
import { quantileThreshold } from './urgency-calibrate';

export interface ScoredExample extends LearnedScores {
  label: string;
  text: string;
}

/** Examples come from outcomeExamples() (their texts already carry the shape words). */
export function crossValidatedOutcomeScores(
  examples: readonly TrainingExample[],
  folds = 5,
): ScoredExample[] {
  const out: ScoredExample[] = [];
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => i % folds !== k);
    const model = trainModel(train);
    for (const e of examples.filter((_, i) => i % folds === k)) {
      // learnedScores adds the shape words again: score the example's original text.
      const p = model.predict(e.text);
      const of = (c: string) => (p.known === 0 ? 0 : (p.top.find((t) => t.category === c)?.p ?? 0));
      out.push({ spam: of('spam'), chatter: of('chatter'), label: e.category, text: e.text });
    }
  }
  return out;
}

export interface OutcomeRow {
  threshold: number;
  /** Shares of spam and of chatter examples whose P(spam)+P(chatter) reaches the threshold. */
  spam: number;
  chatter: number;
  /** Share of resident examples that would lose their ticket (the score alone; the complaint
   *  checks in detect.ts keep many of them). */
  residents: number;
}

export interface OutcomeCalibration {
  rows: OutcomeRow[];
  /** The lowest threshold (2 decimals) flagging at most `budget` of the residents. */
  suggested: OutcomeRow;
}

export function calibrateOutcome(
  scores: readonly ScoredExample[],
  budget: number,
  steps: number[],
): OutcomeCalibration {
  const notRequest = scores.map((x) => ({ p: x.spam + x.chatter, urgent: x.label !== RESIDENT }));
  const t = Math.min(1, quantileThreshold(notRequest, budget));
  const share = (label: string, at: number) => {
    const of = scores.filter((x) => x.label === label);
    return of.length ? of.filter((x) => x.spam + x.chatter >= at).length / of.length : 0;
  };
  const row = (threshold: number): OutcomeRow => ({
    threshold,
    spam: share('spam', threshold),
    chatter: share('chatter', threshold),
    residents: share(RESIDENT, threshold),
  });
  return { rows: steps.map(row), suggested: row(t) };
}

export interface DecidedRow {
  threshold: number;
  /** Shares of held-out spam / chatter examples that got no ticket (spam or chatter). */
  spam: number;
  chatter: number;
  /** Share of held-out resident examples that lost their ticket to spam or chatter. */
  residents: number;
}

/**
 * The same folds through the whole classifier and outcome decision (src/outcome/detect.ts):
 * staff rules, the fold's learned score and a category model trained on the fold's resident
 * examples (no urgency model: urgent tweets the model alone would flag count as lost here).
 * `triage` is the category model's confidence threshold (packThreshold).
 */
export function crossValidatedDecisions(
  pack: RulePack,
  examples: readonly TrainingExample[],
  steps: readonly number[],
  triage: number,
  folds = 5,
): DecidedRow[] {
  const counts = steps.map(() => ({ spam: 0, chatter: 0, residents: 0 }));
  const totals = { spam: 0, chatter: 0, residents: 0 };
  const key = (label: string) => (label === RESIDENT ? 'residents' : (label as 'spam' | 'chatter'));
  const original = (t: string) => t.replace(/(?: zz[a-z]+)+$/, '');
  // The category model of each fold learns the residents' examples it may see, as in the bot.
  const category = new Map<string, string>();
  for (const t of pack.training) for (const e of t.examples) category.set(e.trim(), t.category);
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => i % folds !== k);
    const model = trainModel(train);
    const residents = train
      .filter((e) => e.category === RESIDENT)
      .map((e) => ({ text: original(e.text), category: category.get(original(e.text).trim()) ?? 'other' }));
    const categoryModel = residents.length ? trainModel(residents) : undefined;
    const held = examples.filter((_, i) => i % folds === k);
    for (const e of held) totals[key(e.category)]++;
    steps.forEach((t, si) => {
      const c = createClassifier({
        pack,
        threshold: triage,
        outcomeModel: model,
        learnedThreshold: t,
        ...(categoryModel ? { model: categoryModel } : {}),
      });
      for (const e of held) {
        const o = c.classify(original(e.text)).outcome;
        if (o === 'spam' || o === 'chatter') counts[si]![key(e.category)]++;
      }
    });
  }
  const share = (n: number, of: number) => (of ? n / of : 0);
  return steps.map((threshold, si) => ({
    threshold,
    spam: share(counts[si]!.spam, totals.spam),
    chatter: share(counts[si]!.chatter, totals.chatter),
    residents: share(counts[si]!.residents, totals.residents),
  }));
}
