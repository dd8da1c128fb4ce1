// rules/outcome-training/*.yml, read from a loaded pack: the spam and chatter examples the
// learned score trains on (src/classify/outcome-model.ts), and the pack check that each file
// is named for its outcome and that no example teaches two outcomes.
import path from 'node:path';
import type { PackCheck, RulePack } from '../rules/pack';
import type { Problem } from '../rules/problem';

export const OUTCOME_TRAINING_DIR = 'outcome-training';
/** Its key in pack.files (the spec name in src/pack/files.ts; schema/learned.schema.json). */
export const OUTCOME_TRAINING_SPEC = 'learned';

export type LearnedOutcome = 'spam' | 'chatter';

export interface OutcomeTraining {
  spam: string[];
  chatter: string[];
}

type Entry = { file: string; data: { outcome: LearnedOutcome; examples: string[] } };

const entries = (pack: RulePack): Entry[] => (pack.files[OUTCOME_TRAINING_SPEC] as Entry[] | undefined) ?? [];

/** The pack's spam and chatter examples (empty lists without the folder). */
export function outcomeTrainingFromPack(pack: RulePack): OutcomeTraining {
  const out: OutcomeTraining = { spam: [], chatter: [] };
  for (const e of entries(pack)) out[e.data.outcome].push(...e.data.examples);
  return out;
}

export const outcomeTrainingCheck: PackCheck = (pack) => {
  const problems: Problem[] = [];
  const seen = new Map<string, { outcome: LearnedOutcome; file: string }>();
  const owner = new Map<LearnedOutcome, string>();
  for (const e of entries(pack)) {
    const src = pack.sources[e.file];
    if (!src) continue;
    const expected = path.basename(e.file).replace(/\.ya?ml$/, '');
    if (e.data.outcome !== expected)
      problems.push(
        src.problemAt(
          ['outcome'],
          `outcome '${e.data.outcome}' in a file named ${path.basename(e.file)}: rename the file to ${e.data.outcome}.yml or fix the outcome`,
        ),
      );
    const other = owner.get(e.data.outcome);
    if (other)
      problems.push(
        src.problemAt(['outcome'], `outcome '${e.data.outcome}' already has examples in ${other}`),
      );
    owner.set(e.data.outcome, e.file);
    e.data.examples.forEach((t, i) => {
      const key = t.trim();
      const was = seen.get(key);
      if (was && was.outcome !== e.data.outcome)
        problems.push(
          src.problemAt(
            ['examples', i],
            `this example is also a ${was.outcome} example in ${was.file}: an example teaches one outcome`,
          ),
        );
      seen.set(key, { outcome: e.data.outcome, file: e.file });
    });
  }
  return problems;
};
