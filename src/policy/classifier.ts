// Builds the full classifier from a rules folder: the validated pack, plus the trained model
// (retrained only when the training examples changed). Used by the CLI and the bot.
import { loadRulePack, type LoadOptions } from '../pack/load';
import type { RulePack } from '../rules/pack';
import { RulesInvalidError } from './errors';
import { createClassifier, type ExplainingClassifier } from '../classify/classifier';
import { ensureModel, type EnsuredModel } from '../classify/model-store';
import { DEFAULT_MIN_CONFIDENCE, escalationFromPack } from '../rules/escalation';
import { ensureUrgencyModel } from '../classify/urgency-model';
import { ensureOutcomeModel } from '../classify/outcome-model';
import { outcomeTrainingFromPack } from '../outcome/training';

/** Used when the pack does not set escalation.yml `triage.minConfidence` (the policy's default). */
export const DEFAULT_THRESHOLD = DEFAULT_MIN_CONFIDENCE;

/** The model confidence below which tweets go to triage: the escalation policy's (one number for
 *  the bot, the CLI, simulate and the console: they all build through classifierFor). */
export function packThreshold(pack: RulePack): number {
  return pack.files.escalation ? escalationFromPack(pack).triage.minConfidence : DEFAULT_THRESHOLD;
}

export interface OpenClassifierOptions extends LoadOptions {
  rulesDir: string;
  /** Where the trained model is kept; without it (or with useModel false) rules decide alone. */
  dataDir?: string;
  useModel?: boolean;
  /** Default: packThreshold(pack). */
  threshold?: number;
  log?: { info(message: string, meta?: Record<string, unknown>): unknown };
  /** Training progress, for long retrains. */
  onProgress?: (done: number, total: number) => void;
}

export interface OpenedClassifier {
  classifier: ExplainingClassifier;
  pack: RulePack;
  model?: EnsuredModel;
}

/** Throws RulesInvalidError (every problem, with positions) when the pack is invalid. */
export async function openClassifier(opts: OpenClassifierOptions): Promise<OpenedClassifier> {
  const { pack, problems } = loadRulePack(opts.rulesDir, opts);
  if (!pack) throw new RulesInvalidError(problems);
  return { pack, ...(await classifierFor(pack, opts)) };
}

/** The classifier for an already loaded pack (e.g. after a hot reload). */
export async function classifierFor(
  pack: RulePack,
  opts: Omit<OpenClassifierOptions, 'rulesDir'>,
): Promise<{ classifier: ExplainingClassifier; model?: EnsuredModel }> {
  // The three learned models live in the data folder, each retrained when its examples change.
  const kept =
    opts.useModel !== false && opts.dataDir
      ? { dataDir: opts.dataDir, ...(opts.log ? { log: opts.log } : {}) }
      : undefined;
  const model = kept
    ? await ensureModel({
        training: pack.training,
        ...kept,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      })
    : undefined;
  // The learned urgency model trains on the examples marked urgent (src/classify/urgency-model.ts).
  const urgency = kept ? await ensureUrgencyModel({ training: pack.training, ...kept }) : undefined;
  // The learned spam/chatter score: outcome-training/*.yml against the residents' examples.
  const outcome = kept
    ? await ensureOutcomeModel({ outcome: outcomeTrainingFromPack(pack), training: pack.training, ...kept })
    : undefined;
  return {
    classifier: createClassifier({
      pack,
      threshold: opts.threshold ?? packThreshold(pack),
      ...(model ? { model: model.model } : {}),
      ...(urgency ? { urgencyModel: urgency.model } : {}),
      ...(outcome ? { outcomeModel: outcome.model } : {}),
    }),
    ...(model ? { model } : {}),
  };
}
