// `mujib eval`: trains on one labelled file, tests on another, and reports accuracy,
// macro-F1, per-category precision/recall/F1 and the most common confusions.
import type { Command } from 'commander';
import path from 'node:path';
import { UserError } from '../errors';
import { readLabelledFile } from '../../classify/dataset';
import { computeMetrics, type Metrics } from '../../classify/metrics';
import { trainModel } from '../../classify/model';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'train the model on one labelled file and measure it on another (CSV label,text or JSON lines)',
    )
    .requiredOption(
      '--train <file>',
      'training examples: CSV with a label (or category) and a text column, or .jsonl',
    )
    .requiredOption('--test <file>', 'test examples, same formats')
    .option('--smoothing <n>', 'additive smoothing of the Naive Bayes counts', Number)
    .option('--json', 'print one JSON object instead of tables')
    .action((opts: { train: string; test: string; smoothing?: number; json?: boolean }) => {
      const read = (f: string) => {
        try {
          return readLabelledFile(path.resolve(f));
        } catch (e) {
          throw new UserError(`${f}: ${(e as Error).message}`);
        }
      };
      const train = read(opts.train);
      const test = read(opts.test);
      const t0 = performance.now();
      const model = trainModel(train, opts.smoothing !== undefined ? { smoothing: opts.smoothing } : {});
      const trainMs = performance.now() - t0;
      const t1 = performance.now();
      const pairs = test.map((e) => ({ actual: e.category, predicted: model.predict(e.text).category }));
      const testMs = performance.now() - t1;
      const metrics = computeMetrics(pairs);
      const unknown = [...new Set(test.map((e) => e.category))].filter((c) => !model.categories.includes(c));
      const run = {
        train: {
          file: opts.train,
          examples: train.length,
          categories: model.categories.length,
          ms: Math.round(trainMs),
        },
        test: { file: opts.test, examples: test.length, ms: Math.round(testMs) },
        vocabulary: model.vocabularySize,
        unknownTestCategories: unknown,
      };
      if (opts.json) console.log(JSON.stringify({ ...run, ...metrics }));
      else printReport(run, metrics);
    });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function printReport(
  run: {
    train: { examples: number; categories: number; ms: number };
    test: { examples: number; ms: number };
    vocabulary: number;
    unknownTestCategories: string[];
  },
  m: Metrics,
): void {
  console.log(
    `trained on ${run.train.examples} examples, ${run.train.categories} categories, ${run.vocabulary} features in ${run.train.ms} ms`,
  );
  console.log(`tested on ${m.total} examples in ${run.test.ms} ms`);
  if (run.unknownTestCategories.length) {
    console.log(
      `test categories absent from training (always wrong): ${run.unknownTestCategories.join(', ')}`,
    );
  }
  console.log(`\naccuracy  ${pct(m.accuracy)}  (${m.correct}/${m.total})`);
  console.log(`macro-F1  ${pct(m.macroF1)}\n`);
  const width = Math.max(8, ...m.perCategory.map((c) => c.category.length));
  console.log(`${'category'.padEnd(width)}  precision  recall     F1  support`);
  for (const c of m.perCategory) {
    console.log(
      `${c.category.padEnd(width)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)} ${pct(c.f1).padStart(6)}  ${String(c.support).padStart(7)}`,
    );
  }
  if (m.confusions.length) {
    console.log('\nmost common confusions (true → predicted)');
    for (const c of m.confusions)
      console.log(`  ${String(c.count).padStart(4)}  ${c.actual} → ${c.predicted}`);
  }
}
