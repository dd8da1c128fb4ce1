// The learned spam/chatter score (issue 13): natural's Naive Bayes on the category model's
// features, trained on three labels — rules/outcome-training/spam.yml, chatter.yml, and every
// resident example of rules/training/*.yml ("resident": what citizens write to the agency).
// Phrase lists only catch the wording someone listed; this score carries the whole kind
// (unseen ad wording, a new prayer, a football chant) because it is learned against the
// residents' own words. It only scores: src/outcome/detect.ts decides, and only when nothing
// in the tweet looks like a complaint. Kept in <dataDir>/outcome-model.json and retrained,
// like the category model, exactly when any of the examples change.
import { normalize } from '../text';
import type { OutcomeTraining } from '../outcome/training';
import { PHONE, type LearnedScores } from '../outcome/detect';
import type { Model, TrainingExample } from './model';
import { ensureModel, type EnsuredModel } from './model-store';
import type { TrainingSetSource } from './training-set';

export const OUTCOME_MODEL_FILE = 'outcome-model.json';
export const RESIDENT = 'resident';

export type { LearnedScores };

// The words of a tweet miss its shape, which spam has and residents' tweets mostly lack: the
// tokenizer drops links, handles and emoji. Each shape becomes a word the model can weigh.
const SHAPES: [RegExp, string][] = [
  [/\b(?:https?:\/\/|www\.|t\.co\/|bit\.ly\/)/i, 'zzlink'],
  [PHONE, 'zzphone'],
  [/#\S+[\s\S]*#\S+/, 'zzhashtags'],
  [/(?:\d+\s*(?:ريال|ر\.س|sar|sr|usd|\$|دولار)|\$\s*\d+)/i, 'zzprice'],
  [/\d+\s*[%٪]/, 'zzpercent'],
  [/\p{Extended_Pictographic}/u, 'zzemoji'],
  [/@\w+[\s\S]*@\w+/, 'zzhandles'],
];

/** The text the outcome model reads: the tweet, plus a word for each shape it has. */
export function outcomeModelText(text: string): string {
  const n = normalize(text);
  const marks = SHAPES.filter(([re]) => re.test(n)).map(([, w]) => w);
  return marks.length ? `${text} ${marks.join(' ')}` : text;
}

/** Spam, chatter and resident examples. A resident example also listed as spam or chatter
 *  (training/other.yml keeps a few for the category model) teaches only spam or chatter. */
export function outcomeExamples(
  outcome: OutcomeTraining,
  residents: readonly TrainingSetSource[],
): TrainingExample[] {
  const listed = new Set([...outcome.spam, ...outcome.chatter].map((t) => t.trim()));
  const label = (category: string) => (text: string) => ({ text: outcomeModelText(text), category });
  return [
    ...outcome.spam.map(label('spam')),
    ...outcome.chatter.map(label('chatter')),
    ...residents.flatMap((s) => s.examples.filter((t) => !listed.has(t.trim())).map(label(RESIDENT))),
  ];
}

/** P(spam) and P(chatter) of a tweet (0 when the model knows none of its features). */
export function learnedScores(model: Model, text: string): LearnedScores {
  const p = model.predict(outcomeModelText(text));
  if (p.known === 0) return { spam: 0, chatter: 0 };
  const of = (c: string) => p.top.find((t) => t.category === c)?.p ?? 0;
  return { spam: of('spam'), chatter: of('chatter') };
}

/** The trained outcome model, or undefined when the pack has no spam or chatter examples. */
export async function ensureOutcomeModel(opts: {
  outcome: OutcomeTraining;
  training: readonly TrainingSetSource[];
  dataDir: string;
  log?: { info(message: string, meta?: Record<string, unknown>): unknown };
}): Promise<EnsuredModel | undefined> {
  if (!opts.outcome.spam.length && !opts.outcome.chatter.length) return undefined;
  return ensureModel({
    examples: outcomeExamples(opts.outcome, opts.training),
    dataDir: opts.dataDir,
    fileName: OUTCOME_MODEL_FILE,
    ...(opts.log ? { log: opts.log } : {}),
  });
}
