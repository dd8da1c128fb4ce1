// Calibrating escalation.yml urgency.modelThreshold: k-fold cross-validation on the training
// examples themselves (never the dev set), so every example is scored by a model that did
// not see it. Reports, per threshold, the share of urgent examples caught and of routine ones
// flagged; suggests the lowest threshold whose false-alarm share stays within the budget.
import { trainModel, type TrainingExample } from './model';
import { URGENT, urgentProbability } from './urgency-model';

export interface ThresholdRow {
  threshold: number;
  recall: number;
  falseAlarm: number;
}

export function crossValidatedScores(
  examples: readonly TrainingExample[],
  folds = 5,
): { p: number; urgent: boolean }[] {
  const out: { p: number; urgent: boolean }[] = [];
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => i % folds !== k);
    const test = examples.filter((_, i) => i % folds === k);
    if (!train.some((e) => e.category === URGENT)) continue;
    const model = trainModel(train);
    for (const e of test) out.push({ p: urgentProbability(model, e.text), urgent: e.category === URGENT });
  }
  return out;
}

export function thresholdTable(
  scores: readonly { p: number; urgent: boolean }[],
  steps: number[],
): ThresholdRow[] {
  const pos = scores.filter((s) => s.urgent);
  const neg = scores.filter((s) => !s.urgent);
  return steps.map((threshold) => ({
    threshold,
    recall: pos.length ? pos.filter((s) => s.p >= threshold).length / pos.length : 0,
    falseAlarm: neg.length ? neg.filter((s) => s.p >= threshold).length / neg.length : 0,
  }));
}

/** The lowest threshold (2 decimals) that flags at most `budget` of the routine examples. */
export function quantileThreshold(scores: readonly { p: number; urgent: boolean }[], budget: number): number {
  const neg = scores
    .filter((s) => !s.urgent)
    .map((s) => s.p)
    .sort((a, b) => b - a);
  const allowed = Math.floor(neg.length * budget);
  const edge = neg[allowed] ?? 0; // the first routine score that must stay below
  return Math.ceil((edge + 1e-9) * 100) / 100;
}

/** The lowest threshold whose false-alarm share is at most `budget`. */
export function suggestThreshold(rows: readonly ThresholdRow[], budget: number): number | undefined {
  return rows.filter((r) => r.falseAlarm <= budget).sort((a, b) => a.threshold - b.threshold)[0]?.threshold;
}
