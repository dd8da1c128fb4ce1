// `npm run bench:classify [-- --json]`: the text pipeline + Naive Bayes model on ArBanking77
// (train on MSA + Palestinian, test on Saudi dialect), against natural used the stock way
// (raw strings into a BayesClassifier). Prints a table, or one JSON object with --json.
//
// Times are CPU time of this process (process.cpuUsage), which stays honest on a busy
// machine; wall-clock times are reported alongside.
import fs from 'node:fs';
import path from 'node:path';
import { readLabelledFile } from '../src/classify/dataset';
import { computeMetrics } from '../src/classify/metrics';
import {
  DEFAULT_MODEL_OPTIONS,
  trainModel,
  type ModelOptions,
  type TrainingExample,
} from '../src/classify/model';
import { featuresOf } from '../src/classify/model-features';
import { BayesClassifier, createBayes, trainSparse } from '../src/classify/natural-bayes';
import { devSetReport, printDevScore, printUrgencyCalibration } from './devset-report';
import { printOutcomeCalibration, printResidents, residentsReport } from './residents-report';
import { DEFAULT_THRESHOLD } from '../src/policy/classifier';

const repoRoot = path.resolve(__dirname, '..');
const shared = process.env.MUJIB_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const dataDir = path.join(shared, 'datasets', 'arbanking77');
const TRAIN = 'Banking77_Arabized_MSA_PAL_train.csv';
const TEST = 'Banking77_Arabized_Saudi_test.csv';
/** natural's own classify/train are O(vocabulary) per document: timed on a sample. */
const SAMPLE = 300;

interface Timing {
  cpuMs: number;
  wallMs: number;
}

function timed<T>(fn: () => T): { value: T } & Timing {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - w0;
  const c = process.cpuUsage(c0);
  return { value, cpuMs: (c.user + c.system) / 1000, wallMs };
}

interface Row {
  name: string;
  accuracy: number | null;
  macroF1: number | null;
  trainMs: number;
  trainWallMs: number;
  trainEstimated?: boolean;
  perSecond: number;
  perSecondWall: number;
  vocabulary: number;
}

function evaluate(test: TrainingExample[], predict: (text: string) => string) {
  const t = timed(() => test.map((e) => ({ actual: e.category, predicted: predict(e.text) })));
  const m = computeMetrics(t.value);
  return {
    accuracy: m.accuracy,
    macroF1: m.macroF1,
    perSecond: (test.length / t.cpuMs) * 1000,
    perSecondWall: (test.length / t.wallMs) * 1000,
  };
}

/** How far the confidences can be trusted: per band, the share of predictions that were right. */
interface Band {
  from: number;
  to: number;
  share: number;
  accuracy: number;
}
let calibration:
  { bands: Band[]; atThreshold: { threshold: number; coverage: number; accuracy: number } } | undefined;
const THRESHOLD = DEFAULT_THRESHOLD; // the bot's and the CLI's triage default (escalation.yml)

function calibrate(results: { p: { category: string; confidence: number }; actual: string }[]) {
  const edges = [0, 0.3, 0.45, 0.6, 0.8, 0.95, 1.0001];
  const bands: Band[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const inBand = results.filter((r) => r.p.confidence >= edges[i]! && r.p.confidence < edges[i + 1]!);
    const right = inBand.filter((r) => r.p.category === r.actual).length;
    bands.push({
      from: edges[i]!,
      to: Math.min(1, edges[i + 1]!),
      share: inBand.length / results.length,
      accuracy: inBand.length ? right / inBand.length : 0,
    });
  }
  const kept = results.filter((r) => r.p.confidence >= THRESHOLD);
  const right = kept.filter((r) => r.p.category === r.actual).length;
  return {
    bands,
    atThreshold: {
      threshold: THRESHOLD,
      coverage: kept.length / results.length,
      accuracy: right / kept.length,
    },
  };
}

function ours(train: TrainingExample[], test: TrainingExample[], options: Partial<ModelOptions> = {}): Row {
  const t = timed(() => trainModel(train, options));
  const model = t.value;
  // Warm-up (JIT) on a few texts, then the whole test set.
  for (const e of test.slice(0, 50)) model.predict(e.text);
  const r = evaluate(test, (text) => model.predict(text).category);
  calibration = calibrate(test.map((e) => ({ p: model.predict(e.text), actual: e.category })));
  return {
    name: 'mujib (text pipeline + natural Bayes, sparse)',
    ...r,
    trainMs: t.cpuMs,
    trainWallMs: t.wallMs,
    vocabulary: model.vocabularySize,
  };
}

function stock(train: TrainingExample[], test: TrainingExample[]): Row {
  const t = timed(() => {
    const c = new BayesClassifier();
    for (const e of train) c.addDocument(e.text as unknown as string[], e.category);
    c.train();
    return c;
  });
  const c = t.value;
  const r = evaluate(test, (text) => c.classify(text as unknown as string[]));
  return {
    name: 'natural stock (raw strings, smoothing 1)',
    ...r,
    trainMs: t.cpuMs,
    trainWallMs: t.wallMs,
    vocabulary: Object.keys(c.features).length,
  };
}

/** Our features and vocabulary, but natural's own train() and classify(): same model, natural's speed. */
function naturalWithOurFeatures(train: TrainingExample[], test: TrainingExample[]): Row {
  const model = trainModel(train);
  const vocab = new Set(model.toJSON().vocabulary);
  const opts = model.options;
  const c = createBayes(opts.smoothing);
  for (const e of train)
    c.addDocument(
      featuresOf(e.text, opts).filter((f) => vocab.has(f)),
      e.category,
    );
  // natural's train() costs one dense vector per document: time it on a sample, scale up.
  const probe = createBayes(opts.smoothing);
  probe.features = c.features;
  probe.docs = c.docs.slice(0, SAMPLE);
  const tt = timed(() => probe.train());
  const scale = c.docs.length / probe.docs.length;
  trainSparse(c); // identical counts (test/model-natural.test.ts), in a fraction of the time
  const sample = test.slice(0, SAMPLE);
  const r = evaluate(sample, (text) => c.classify(featuresOf(text, opts)));
  return {
    name: `natural's own train/classify, our features (speed on ${SAMPLE} docs)`,
    accuracy: null,
    macroF1: null,
    perSecond: r.perSecond,
    perSecondWall: r.perSecondWall,
    trainMs: tt.cpuMs * scale,
    trainWallMs: tt.wallMs * scale,
    trainEstimated: true,
    vocabulary: vocab.size,
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // The municipality dev set (bench/devset): urgency, crisis, integrity, categories.
  const dev = await devSetReport({
    holdout: process.argv.includes('--holdout'),
    misses: process.argv.includes('--misses') && !json,
    ...(process.argv.includes('--only') ? { only: process.argv[process.argv.indexOf('--only') + 1]! } : {}),
  });
  if (!json) {
    printDevScore('Dev set, tuning part (bench/devset, not held out)', dev.tuning);
    if (dev.holdout) printDevScore('Dev set, HELD OUT part (the final check)', dev.holdout);
    if (dev.all) printDevScore('Dev set, all', dev.all);
    if (!dev.holdout) console.log('  (held-out third not scored: add --holdout)');
    printUrgencyCalibration();
  }
  // Issue 13's classes (bench/residents-report.ts): outcomes, reply language, per class.
  const residents = await residentsReport({
    holdout: process.argv.includes('--holdout'),
    misses: process.argv.includes('--misses') && !json,
  });
  if (!json) {
    printResidents('tuning part', residents.tuning);
    if (residents.holdout) printResidents('HELD OUT third (the final check)', residents.holdout);
    printOutcomeCalibration();
    console.log('');
  }
  if (process.argv.includes('--devset-only')) {
    if (json)
      console.log(JSON.stringify({ devset: { ...dev, tuning: { ...dev.tuning, misses: undefined } } }));
    return;
  }
  const trainFile = path.join(dataDir, TRAIN);
  const testFile = path.join(dataDir, TEST);
  if (!fs.existsSync(trainFile) || !fs.existsSync(testFile)) {
    console.error(
      `ArBanking77 not found in ${dataDir} (set MUJIB_SHARED_DIR to the folder holding datasets/)`,
    );
    process.exitCode = 1;
    return;
  }
  const train = readLabelledFile(trainFile);
  const test = readLabelledFile(testFile);
  const rows = [ours(train, test), stock(train, test), naturalWithOurFeatures(train, test)];
  const [m, s, n] = rows as [Row, Row, Row];
  const result = {
    dataset: {
      train: TRAIN,
      test: TEST,
      trainExamples: train.length,
      testExamples: test.length,
      categories: new Set(train.map((e) => e.category)).size,
    },
    options: DEFAULT_MODEL_OPTIONS,
    node: process.version,
    rows,
    calibration,
    speedup: { vsStock: m.perSecond / s.perSecond, vsNaturalOwnClassify: m.perSecond / n.perSecond },
  };
  if (json) {
    console.log(JSON.stringify({ ...result, devset: { tuning: { ...dev.tuning, misses: undefined } } }));
    return;
  }
  const pct = (x: number | null) => (x === null ? '   —  ' : `${(100 * x).toFixed(1)}%`.padStart(6));
  const sec = (r: Row) => `${(r.trainMs / 1000).toFixed(2)} s${r.trainEstimated ? '*' : ' '}`.padStart(9);
  console.log(
    `ArBanking77: train ${TRAIN} (${train.length}), test ${TEST} (${test.length}), ${result.dataset.categories} classes, ${process.version}\n`,
  );
  console.log(`${'pipeline'.padEnd(64)} accuracy  macro-F1     train  classify/s  vocabulary`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(64)} ${pct(r.accuracy).padStart(8)}  ${pct(r.macroF1).padStart(8)} ${sec(r)}  ${Math.round(r.perSecond).toString().padStart(10)}  ${String(r.vocabulary).padStart(10)}`,
    );
  }
  if (calibration) {
    const c = calibration;
    console.log('\nmujib confidence   share   right');
    for (const b of c.bands) {
      console.log(`  ${b.from.toFixed(2)}–${b.to.toFixed(2)}      ${pct(b.share)}  ${pct(b.accuracy)}`);
    }
    console.log(
      `  at ≥ ${c.atThreshold.threshold}: answers ${pct(c.atThreshold.coverage).trim()} of tweets, ${pct(c.atThreshold.accuracy).trim()} of them right`,
    );
  }
  console.log(`\n* estimated from ${SAMPLE} documents (natural's train() is O(documents × vocabulary))`);
  console.log(
    'stock natural is fast and useless here: its tokenizer keeps only [a-zA-Z0-9], so Arabic texts are empty',
  );
  console.log(
    `times are CPU time of one core; classification speed-up: ${result.speedup.vsStock.toFixed(1)}× stock natural, ${result.speedup.vsNaturalOwnClassify.toFixed(0)}× natural's own classify on the same model`,
  );
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});
