// The model's training set: every rules/training/<category>.yml (`category:` + `examples:`),
// and a content hash that changes exactly when retraining could change the model — the
// examples, or how we train (model format, options). Editing a reply template or a rule
// does not retrain. The full pack loader (src/rules/load.ts) validates these files with
// their schema; this reader is deliberately forgiving so `mujib train` works on any folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { TrainingExample } from './model';

export interface TrainingSetSource {
  category: string;
  /** Every example's text. */
  examples: string[];
  /** The texts of examples marked `urgent: true` (danger to life): the urgency model's positives. */
  urgent?: string[];
}

/** An item of `examples:`: a tweet, or {text, urgent} for one that is a danger to life. */
export type ExampleItem = string | { text: string; urgent?: boolean };

export function exampleText(e: ExampleItem): string {
  return typeof e === 'string' ? e : e.text;
}

export function splitExamples(items: readonly ExampleItem[]): { examples: string[]; urgent: string[] } {
  return {
    examples: items.map(exampleText),
    urgent: items.flatMap((e) => (typeof e === 'object' && e.urgent === true ? [e.text] : [])),
  };
}

/** Reads <rulesDir>/training/*.yml, sorted by file name. */
export function readTrainingDir(rulesDir: string): TrainingSetSource[] {
  const dir = path.join(rulesDir, 'training');
  if (!fs.existsSync(dir)) throw new Error(`no training examples: ${dir} does not exist`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  return files.map((f) => {
    const file = path.join(dir, f);
    const data = YAML.parse(fs.readFileSync(file, 'utf8')) as {
      category?: unknown;
      examples?: unknown;
    } | null;
    const category =
      typeof data?.category === 'string' ? data.category : path.basename(f).replace(/\.ya?ml$/i, '');
    const items = Array.isArray(data?.examples)
      ? (data.examples as unknown[]).filter(
          (e): e is ExampleItem =>
            typeof e === 'string' ||
            (typeof e === 'object' && e !== null && typeof (e as { text?: unknown }).text === 'string'),
        )
      : [];
    return { category, ...splitExamples(items) };
  });
}

export function flattenTraining(sets: readonly TrainingSetSource[]): TrainingExample[] {
  return sets.flatMap((s) => s.examples.map((text) => ({ text, category: s.category })));
}

/** sha256 of the examples (order-independent) and of `salt` (model format + options). */
export function trainingHash(examples: readonly TrainingExample[], salt: unknown): string {
  const lines = examples.map((e) => JSON.stringify([e.category, e.text])).sort();
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify(salt));
  for (const l of lines) h.update(l + '\n');
  return h.digest('hex');
}
