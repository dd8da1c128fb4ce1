// `mujib simulate --mentions FILE`: try the rules on a day of real tweets before going live.
import type { Command } from 'commander';
import fs from 'node:fs';
import { loadEnvConfig } from '../../app/setup';
import { UserError } from '../errors';
import { createLogger } from '../../log';
import { openDatabase } from '../../store/db';
import { startFerretDB } from '../../store/ferretdb';
import { startEmulator } from '../../x/emulator';
import { startRuntime } from '../../app/runtime';
import { parseSimInput, runSimulation, type SimSummary } from '../../app/simulate';
import { randomBytes } from 'node:crypto';
import { dropScratchDatabase } from '../../store/backup';

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'run a JSON-lines file of citizen tweets through the real pipeline on a private emulator and database',
    )
    .requiredOption(
      '--mentions <file>',
      'JSON lines: {"text": "...", "author": "username", "id"?, "in_reply_to_id"?, "is_retweet"?, "lang"?}',
    )
    .option('--json', 'print one JSON object')
    .option('--details', 'include one result per input line (ticket, priority, reply)')
    .action(async (opts: { mentions: string; json?: boolean; details?: boolean }) => {
      const cfg = loadEnvConfig();
      if (!fs.existsSync(opts.mentions)) throw new UserError(`${opts.mentions}: no such file`);
      let inputs;
      try {
        inputs = parseSimInput(fs.readFileSync(opts.mentions, 'utf8'), opts.mentions);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      // The simulation's own log stays out of the report unless asked for.
      const log = createLogger({
        level: cfg.LOG_LEVEL === 'debug' ? 'debug' : 'error',
        stream: process.stderr,
        format: cfg.LOG_FORMAT,
      });
      const ferret = cfg.MONGODB_URI
        ? undefined
        : await startFerretDB({ onProgress: (l) => console.error(l) });
      const uri = cfg.MONGODB_URI ?? ferret!.uri;
      const dbName = `mujib_simulate_${randomBytes(4).toString('hex')}`;
      const db = await openDatabase(uri, { dbName, log });
      // Private emulator with generous limits: a simulation measures the rules, not X's quota.
      const emulator = await startEmulator({
        limits: {
          post: { limit: 100_000, windowMs: 900_000 },
          mentions: { limit: 100_000, windowMs: 900_000 },
        },
      });
      let summary: SimSummary;
      try {
        const rt = await startRuntime({
          cfg: { ...cfg, LOOKBACK_HOURS: 24 },
          log,
          db: { ...db, description: 'private simulation database' },
          emulator,
          feed: false,
          watchRules: false,
          forceSandbox: true,
          autoStart: false,
        });
        try {
          summary = await runSimulation(rt, inputs);
        } finally {
          await rt.stop();
        }
      } finally {
        await dropScratchDatabase(db.store).catch(() => undefined);
        await db.close();
        await emulator.stop();
        await ferret?.stop();
      }
      if (!opts.details) delete summary.results;
      if (opts.json) {
        console.log(JSON.stringify(summary, null, opts.details ? 2 : 0));
        return;
      }
      printHuman(summary);
    });
}

function printHuman(s: SimSummary): void {
  const { results, ...counts } = s;
  for (const [k, v] of Object.entries(counts)) {
    // outcomes: "complaint 12 · spam 3 · referral 1"
    const shown =
      typeof v === 'object'
        ? Object.entries(v)
            .map(([o, n]) => `${o} ${n}`)
            .join(' · ')
        : v;
    console.log(`${k.padEnd(17)} ${shown}`);
  }
  if (!results) return;
  console.log('');
  for (const r of results) {
    const flag = r.urgent ? ' URGENT' : '';
    console.log(
      `#${r.line} ${r.ticket ?? '-'} ${r.category ?? '-'} p${r.priority ?? '-'}${flag} [${r.status}${r.outcome ? ` ${r.outcome}` : ''}]`,
    );
    if (r.reply) console.log(`   ↳ ${r.reply}`);
  }
}
