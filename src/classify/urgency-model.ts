// The learned half of urgency: natural's Naive Bayes on the same Arabic-aware features as the
// category model, trained on two labels — the examples staff mark `urgent: true` in
// rules/training/*.yml against every other example. Kept in <dataDir>/urgency-model.json and
// retrained, like the category model, exactly when the examples change. Its threshold is
// escalation.yml urgency.modelThreshold (calibrated with `npm run bench:classify`).
import type { Model, TrainingExample } from './model';
import { ensureModel, type EnsuredModel } from './model-store';
import type { TrainingSetSource } from './training-set';

export const URGENCY_MODEL_FILE = 'urgency-model.json';
export const URGENT = 'urgent';
export const ROUTINE = 'routine';

export function urgencyExamples(sets: readonly TrainingSetSource[]): TrainingExample[] {
  return sets.flatMap((s) => {
    const urgent = new Set(s.urgent ?? []);
    return s.examples.map((text) => ({ text, category: urgent.has(text) ? URGENT : ROUTINE }));
  });
}

/** P(urgent) of a text (0 when the model knows none of its features). */
export function urgentProbability(model: Model, text: string): number {
  const p = model.predict(text);
  if (p.known === 0) return 0;
  return p.top.find((t) => t.category === URGENT)?.p ?? 0;
}

/** The trained urgency model, or undefined when no example is marked urgent. */
export async function ensureUrgencyModel(opts: {
  training: readonly TrainingSetSource[];
  dataDir: string;
  log?: { info(message: string, meta?: Record<string, unknown>): unknown };
}): Promise<EnsuredModel | undefined> {
  const examples = urgencyExamples(opts.training);
  if (!examples.some((e) => e.category === URGENT)) return undefined;
  return ensureModel({
    examples,
    dataDir: opts.dataDir,
    fileName: URGENCY_MODEL_FILE,
    ...(opts.log ? { log: opts.log } : {}),
  });
}
