// The trained model on disk (<dataDir>/model.json), kept in step with the training examples:
// loaded when its stored training hash matches the current examples, retrained and saved
// atomically (temp file + rename) otherwise, so a crash never leaves half a model behind.
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MODEL_OPTIONS,
  loadModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  trainModel,
  type Model,
  type ModelOptions,
  type SerializedModel,
  type TrainingExample,
} from './model';
import { flattenTraining, readTrainingDir, trainingHash, type TrainingSetSource } from './training-set';

export const MODEL_FILE = 'model.json';

interface StoredModel extends SerializedModel {
  trainingHash: string;
  trainedAt: string;
}

export interface EnsureModelOptions {
  /** Rule pack folder; its training/*.yml are the examples (unless `training` is given). */
  rulesDir?: string;
  /** Training sets already loaded (e.g. the validated RulePack's `training`). */
  training?: readonly TrainingSetSource[];
  /** Where model.json lives. */
  dataDir: string;
  log?: { info(message: string, meta?: Record<string, unknown>): unknown };
  onProgress?: (done: number, total: number) => void;
  options?: Partial<ModelOptions>;
  /** Retrain even if the stored model is current. */
  force?: boolean;
  /** Labelled examples to train on instead of the sets' categories (e.g. the urgency model). */
  examples?: readonly TrainingExample[];
  /** File name in dataDir (default model.json). */
  fileName?: string;
}

export interface EnsuredModel {
  model: Model;
  hash: string;
  retrained: boolean;
  file: string;
  examples: number;
  /** Training time in ms (0 when loaded). */
  trainMs: number;
}

export async function ensureModel(opts: EnsureModelOptions): Promise<EnsuredModel> {
  const sets = opts.training ?? (opts.rulesDir ? readTrainingDir(opts.rulesDir) : undefined);
  if (!sets && !opts.examples) throw new Error('ensureModel needs rulesDir, training or examples');
  const examples: TrainingExample[] = opts.examples ? [...opts.examples] : flattenTraining(sets!);
  const options: ModelOptions = { ...DEFAULT_MODEL_OPTIONS, ...opts.options };
  const hash = trainingHash(examples, { format: MODEL_FORMAT, version: MODEL_VERSION, options });
  const file = path.join(opts.dataDir, opts.fileName ?? MODEL_FILE);

  if (!opts.force) {
    const stored = await readStored(file);
    if (stored?.trainingHash === hash) {
      try {
        return {
          model: loadModel(stored),
          hash,
          retrained: false,
          file,
          examples: examples.length,
          trainMs: 0,
        };
      } catch (e) {
        opts.log?.info('stored model unusable, retraining', { file, error: (e as Error).message });
      }
    }
  }

  opts.log?.info('training the classification model', { examples: examples.length, file });
  const started = Date.now();
  let lastLog = started;
  const model = trainModel(examples, {
    ...options,
    onProgress: (done, total) => {
      opts.onProgress?.(done, total);
      // Long trainings say where they are, at most every 5 s.
      if (opts.log && Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        opts.log.info('training progress', { done, total });
      }
    },
  });
  const trainMs = Date.now() - started;
  const stored: StoredModel = { ...model.toJSON(), trainingHash: hash, trainedAt: new Date().toISOString() };
  await writeAtomically(file, JSON.stringify(stored));
  opts.log?.info('model trained', {
    examples: examples.length,
    categories: model.categories.length,
    vocabulary: model.vocabularySize,
    ms: trainMs,
  });
  return { model, hash, retrained: true, file, examples: examples.length, trainMs };
}

async function readStored(file: string): Promise<StoredModel | undefined> {
  try {
    return JSON.parse(await fs.promises.readFile(file, 'utf8')) as StoredModel;
  } catch {
    return undefined; // missing or corrupt: retrain
  }
}

async function writeAtomically(file: string, data: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.promises.writeFile(tmp, data, 'utf8');
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}
