// The Naive Bayes model behind rule-less classification (issue 4).
//
// Training goes through natural's BayesClassifier (the team's choice), fed token arrays from
// our Arabic text pipeline — natural's own tokenizer drops every Arabic letter. What we keep
// is only what classifying needs: per-class document counts per feature and per-class
// totals, never the training texts (natural's save() writes every document).
//
// Classifying is the same computation as natural's (apparatus) Bayes classifier, done
// sparsely: natural multiplies, for every vocabulary feature present in the text,
// (count(class, f) or smoothing) / classTotal, by the class prior. That costs O(vocabulary)
// per call (it builds a dense 0/1 vector first) and underflows to 0 on long texts; here we
// sum logs over only the features the text has, so it costs O(features of the text ×
// classes holding them). test/model-natural.test.ts proves both rank classes identically.
// The log scores then go through a softmax, so confidences are probabilities summing to 1.
import { featuresOf, type FeatureOptions } from './model-features';
import { createBayes, trainSparse } from './natural-bayes';

export interface ModelOptions extends FeatureOptions {
  /** Added to every feature count; natural's default 1.0 drags predictions to rare classes. */
  smoothing: number;
  /** Features seen in fewer training documents are dropped (keeps the vocabulary lean). */
  minDf: number;
  /** Keep at most this many features, the most class-specific (χ²) first (0: no cap). */
  maxFeatures: number;
  /** Fit the softmax temperature on a held-out fifth of the examples (costs ~1 more training). */
  calibrate: boolean;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  smoothing: 0.3,
  bigrams: true,
  charNgrams: [4],
  minDf: 1,
  maxFeatures: 30000,
  calibrate: true,
};

export interface TrainingExample {
  text: string;
  category: string;
}

export interface Prediction {
  category: string;
  /** Softmax probability of `category` (0-1). */
  confidence: number;
  /** The best categories with their probabilities, best first. */
  top: { category: string; p: number }[];
  /** How many of the text's features the model knows; 0 means the prior alone decided. */
  known: number;
}

export interface Model {
  predict(text: string): Prediction;
  /** Log scores per category (natural's log P(c) + Σ log P(f|c)), in `categories` order. */
  scores(text: string): { scores: Float64Array; known: number };
  readonly categories: string[];
  readonly options: ModelOptions;
  readonly vocabularySize: number;
  readonly examples: number;
  /** Softmax temperature (1: raw Naive Bayes confidences). */
  readonly temperature: number;
  toJSON(): SerializedModel;
}

export const MODEL_FORMAT = 'mujib-naive-bayes';
export const MODEL_VERSION = 2;

export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  options: ModelOptions;
  categories: string[];
  /** Log scores are divided by this before the softmax: Naive Bayes counts correlated features
   *  as independent evidence, so raw softmax confidences are far too sure of themselves. */
  temperature: number;
  /** natural's classTotals: documents of the category + 1. */
  classTotals: number[];
  /** natural's totalExamples: documents + 1. */
  totalExamples: number;
  vocabulary: string[];
  /** Per vocabulary feature, flat [categoryIndex, count, categoryIndex, count, …] where count is
   *  natural's classFeatures value (documents of the category containing it + smoothing). */
  counts: number[][];
}

const TOP = 3;

export function trainModel(
  examples: readonly TrainingExample[],
  opts: Partial<ModelOptions> & { onProgress?: (done: number, total: number) => void } = {},
): Model {
  const { onProgress, ...rest } = opts;
  const options: ModelOptions = { ...DEFAULT_MODEL_OPTIONS, ...rest };
  const n = examples.length;
  if (n === 0) throw new Error('no training examples');
  const total = 2 * n;
  // Features once per example (the costly part), shared by the calibration and final fits.
  const docs: Doc[] = examples.map((ex, i) => {
    if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === n)) onProgress(i + 1, total);
    return { features: [...new Set(featuresOf(ex.text, options))], label: ex.category.trim() };
  });
  let temperature = 1;
  if (options.calibrate && n >= 50) {
    // Every 5th example of each category is held out; the temperature that makes the
    // held-out confidences most likely (lowest log loss) is kept for the final model.
    const seen = new Map<string, number>();
    const fit: Doc[] = [];
    const held: TrainingExample[] = [];
    docs.forEach((d, i) => {
      const k = seen.get(d.label) ?? 0;
      seen.set(d.label, k + 1);
      if (k % 5 === 4) held.push(examples[i]!);
      else fit.push(d);
    });
    if (held.length > 0 && fit.length > 0) temperature = fitTemperature(fitCounts(fit, options, 1), held);
  }
  return fitCounts(docs, options, temperature, onProgress && ((done) => onProgress(n + done, total)));
}

interface Doc {
  /** Distinct features of the example. */
  features: string[];
  label: string;
}

function fitTemperature(model: Model, held: readonly TrainingExample[]): number {
  const index = new Map(model.categories.map((c, i) => [c, i]));
  // At most ~2,000 held-out texts: plenty for one parameter, and training stays fast.
  const step = Math.max(1, Math.floor(held.length / 2000));
  const cases = held
    .filter((e, i) => i % step === 0 && index.has(e.category.trim()))
    .map((e) => ({ s: model.scores(e.text).scores, y: index.get(e.category.trim())! }));
  if (cases.length === 0) return 1;
  const logLoss = (t: number) => {
    let loss = 0;
    for (const { s, y } of cases) {
      let max = -Infinity;
      for (const v of s) max = Math.max(max, v / t);
      let sum = 0;
      for (const v of s) sum += Math.exp(v / t - max);
      loss -= s[y]! / t - max - Math.log(sum);
    }
    return loss;
  };
  // Log loss is unimodal in log(t): golden-section search on [0, ln 200].
  let a = 0;
  let b = Math.log(200);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 30; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (logLoss(Math.exp(c)) < logLoss(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

function fitCounts(
  docs: readonly Doc[],
  options: ModelOptions,
  temperature: number,
  onProgress?: (done: number, total: number) => void,
): Model {
  // 1. The lean vocabulary: document frequency ≥ minDf, capped to the features whose
  //    presence best predicts one class (χ²) — noise words that happen to lean towards one
  //    class in training are what hurt Naive Bayes most.
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features) df.set(f, (df.get(f) ?? 0) + 1);
  let vocabulary = [...df].filter(([, c]) => c >= options.minDf);
  if (options.maxFeatures > 0 && vocabulary.length > options.maxFeatures) {
    const rank = chi2Scores(docs);
    vocabulary = vocabulary
      .sort((a, b) => rank.get(b[0])! - rank.get(a[0])! || (a[0] < b[0] ? -1 : 1))
      .slice(0, options.maxFeatures);
  }
  const keep = new Set(vocabulary.map(([f]) => f));

  // 2. natural does the counting.
  const bayes = createBayes(options.smoothing);
  for (const d of docs)
    bayes.addDocument(
      d.features.filter((f) => keep.has(f)),
      d.label,
    );
  trainSparse(bayes, onProgress);
  onProgress?.(docs.length, docs.length);

  // 3. Keep the counts, not the documents.
  const categories = Object.keys(bayes.classifier.classTotals);
  const features = Object.keys(bayes.features);
  const counts: number[][] = features.map(() => []);
  categories.forEach((label, ci) => {
    const cf = bayes.classifier.classFeatures[label] ?? {};
    for (const [fi, count] of Object.entries(cf)) counts[Number(fi)]!.push(ci, count);
  });
  return loadModel({
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    options,
    temperature,
    categories,
    classTotals: categories.map((c) => bayes.classifier.classTotals[c]!),
    totalExamples: bayes.classifier.totalExamples,
    vocabulary: features,
    counts,
  });
}

export function loadModel(json: SerializedModel): Model {
  validate(json);
  const { options, categories, classTotals, totalExamples, vocabulary } = json;
  const k = categories.length;
  const logPrior = Float64Array.from(classTotals, (t) => Math.log(t / totalExamples));
  // A feature the class never saw counts `smoothing`: log(smoothing / classTotal).
  const logUnseen = Float64Array.from(classTotals, (t) => Math.log(options.smoothing / t));
  // A seen feature's gain over unseen: log(count / classTotal) − log(smoothing / classTotal).
  const postings = new Map<string, { classes: Int32Array; gain: Float64Array }>();
  vocabulary.forEach((f, fi) => {
    const flat = json.counts[fi] ?? [];
    const classes = new Int32Array(flat.length / 2);
    const gain = new Float64Array(flat.length / 2);
    for (let j = 0; j < flat.length; j += 2) {
      classes[j / 2] = flat[j]!;
      gain[j / 2] = Math.log(flat[j + 1]! / options.smoothing);
    }
    postings.set(f, { classes, gain });
  });

  const scores = (text: string) => {
    const s = Float64Array.from(logPrior);
    let known = 0;
    for (const f of new Set(featuresOf(text, options))) {
      const p = postings.get(f);
      if (!p) continue;
      known++;
      for (let j = 0; j < p.classes.length; j++) s[p.classes[j]!]! += p.gain[j]!;
    }
    for (let c = 0; c < k; c++) s[c]! += known * logUnseen[c]!;
    return { scores: s, known };
  };

  return {
    categories: categories.slice(),
    options: { ...options },
    vocabularySize: vocabulary.length,
    examples: totalExamples - 1,
    temperature: json.temperature,
    scores,
    predict(text: string): Prediction {
      const { scores: s, known } = scores(text);
      const p = softmax(s.map((v) => v / json.temperature));
      const top = topIndices(p, TOP).map((i) => ({ category: categories[i]!, p: p[i]! }));
      return { category: top[0]!.category, confidence: top[0]!.p, top, known };
    },
    toJSON: () => json,
  };
}

/** Indices of the n largest values, largest first (ties: lower index first); no full sort. */
function topIndices(values: Float64Array, n: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (best.length === n && v <= values[best[n - 1]!]!) continue;
    let j = best.length < n ? best.length : n - 1;
    while (j > 0 && values[best[j - 1]!]! < v) j--;
    best.splice(j, 0, i);
    if (best.length > n) best.pop();
  }
  return best;
}

/** Max over classes of the χ² statistic of feature presence vs class membership. */
function chi2Scores(docs: readonly Doc[]): Map<string, number> {
  const n = docs.length;
  const classN = new Map<string, number>();
  const fc = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const d of docs) {
    classN.set(d.label, (classN.get(d.label) ?? 0) + 1);
    for (const f of d.features) {
      df.set(f, (df.get(f) ?? 0) + 1);
      let m = fc.get(f);
      if (!m) fc.set(f, (m = new Map()));
      m.set(d.label, (m.get(d.label) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const [f, m] of fc) {
    const nf = df.get(f)!;
    let best = 0;
    for (const [c, a] of m) {
      const nc = classN.get(c)!;
      const b = nf - a;
      const cc = nc - a;
      const dd = n - nf - cc;
      const num = n * (a * dd - b * cc) ** 2;
      const den = nf * (n - nf) * nc * (n - nc);
      if (den > 0) best = Math.max(best, num / den);
    }
    out.set(f, best);
  }
  return out;
}

/** Probabilities from log scores: exp(s − max) / Σ exp(s − max) (log-sum-exp, no underflow). */
export function softmax(logScores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(logScores.length);
  let max = -Infinity;
  for (let i = 0; i < logScores.length; i++) max = Math.max(max, logScores[i]!);
  let sum = 0;
  for (let i = 0; i < logScores.length; i++) sum += out[i] = Math.exp(logScores[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

function validate(json: SerializedModel): void {
  const bad = (why: string) => new Error(`not a usable model file: ${why}`);
  if (!json || json.format !== MODEL_FORMAT) throw bad(`format is not ${MODEL_FORMAT}`);
  if (json.version !== MODEL_VERSION) throw bad(`version ${String(json.version)}, expected ${MODEL_VERSION}`);
  if (!Array.isArray(json.categories) || json.categories.length === 0) throw bad('no categories');
  if (json.classTotals?.length !== json.categories.length) throw bad('classTotals do not match categories');
  if (!(json.options?.smoothing > 0)) throw bad('smoothing must be > 0');
  if (!(json.temperature > 0)) throw bad('temperature must be > 0');
  if (!Array.isArray(json.vocabulary) || json.counts?.length !== json.vocabulary.length) {
    throw bad('counts do not match the vocabulary');
  }
}
