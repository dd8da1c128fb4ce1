// `mujib train`: retrains the classification model from the rule pack's training examples
// by hand (the bot does it by itself whenever they change) and says what it built.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { loadEnvConfig } from '../../app/setup';
import { ensureModel } from '../../classify/model-store';

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train the classification model from <rules>/training/*.yml and save it in MUJIB_DATA_DIR')
    .option('--rules <dir>', 'rules folder (default: RULES_DIR or ./rules)')
    .option('--if-changed', 'only when the training examples changed since the saved model')
    .action(async (opts: { rules?: string; ifChanged?: boolean }) => {
      const cfg = loadEnvConfig();
      const rulesDir = path.resolve(opts.rules ?? cfg.RULES_DIR);
      const tty = process.stderr.isTTY;
      const r = await ensureModel({
        rulesDir,
        dataDir: path.resolve(cfg.MUJIB_DATA_DIR),
        force: !opts.ifChanged,
        onProgress: (done, total) => {
          if (tty) process.stderr.write(`\rtraining… ${Math.round((100 * done) / total)}%`);
        },
      });
      if (tty && r.retrained) process.stderr.write('\r\x1b[K');
      const perClass = new Map<string, number>();
      const counts = r.model.toJSON().classTotals;
      r.model.categories.forEach((c, i) => perClass.set(c, counts[i]! - 1));
      const size = fs.statSync(r.file).size;
      console.log(r.retrained ? 'model trained' : 'model already up to date (training examples unchanged)');
      console.log(`  classes      ${r.model.categories.length}`);
      for (const [c, n] of perClass) console.log(`    ${c.padEnd(18)} ${n}`);
      console.log(
        `  examples     ${r.examples}${r.examples !== r.model.examples ? ` (${r.examples - r.model.examples} without a usable word, skipped)` : ''}`,
      );
      console.log(`  vocabulary   ${r.model.vocabularySize} features`);
      if (r.retrained) console.log(`  time         ${r.trainMs} ms`);
      console.log(`  file         ${r.file} (${(size / 1024).toFixed(1)} kB)`);
      console.log(`  hash         ${r.hash.slice(0, 12)}`);
    });
}
