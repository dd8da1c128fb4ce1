// `mujib training export`: tickets staff re-triaged, as training examples to review. Writes
// to stdout or --out FILE, never into rules/training/ (a person decides what the model learns).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadEnvConfig, openConfiguredDatabase } from '../context';
import { UserError } from '../errors';
import { legacyModels } from '../../store/legacy-models';
import { correctedTickets, correctionsAsTrainingYaml } from '../../queue/corrections';

export function registerTraining(program: Command): void {
  const training = program.command('training').description('training examples from staff corrections');
  training
    .command('export')
    .description('tickets whose category staff corrected, as YAML to review into rules/training/')
    .option('--since DATE', 'corrections on or after this date (YYYY-MM-DD)', '1970-01-01')
    .option('--until DATE', 'corrections before this date (YYYY-MM-DD)')
    .option('--out FILE', 'write to FILE instead of stdout (never inside the rules folder)')
    .action(async (o: { since: string; until?: string; out?: string }) => {
      const since = new Date(`${o.since}T00:00:00Z`);
      const until = o.until ? new Date(`${o.until}T00:00:00Z`) : new Date();
      if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime()))
        throw new UserError('--since and --until take a date such as 2026-12-01');
      const cfg = loadEnvConfig();
      if (o.out) {
        const rules = path.resolve(cfg.RULES_DIR) + path.sep;
        if (path.resolve(o.out).startsWith(rules))
          throw new UserError(`--out must not be inside ${rules}: review the file, then copy what is right`);
      }
      const db = await openConfiguredDatabase(cfg, { quietBuild: true });
      try {
        const list = await correctedTickets(legacyModels(db.store), since, until);
        const yaml = correctionsAsTrainingYaml(list);
        if (o.out) {
          fs.writeFileSync(o.out, yaml);
          console.error(`Wrote ${list.length} corrected ticket(s) to ${o.out}`);
        } else process.stdout.write(yaml);
      } finally {
        await db.close();
      }
    });
}
