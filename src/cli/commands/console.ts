// `mujib console`: the staff console alone (the bot's `mujib start` runs it too), on the
// configured database and the rules folder, without polling X.
import type { Command } from 'commander';
import path from 'node:path';
import { loadEnvConfig, openConfiguredDatabase } from '../../app/setup';
import { log } from '../../log';
import { startRulesRuntime } from '../../policy/runtime';
import { startConsole } from '../../console';
import { staffCount } from '../../store/staff';

export function registerConsole(program: Command): void {
  program
    .command('console')
    .description('run the staff console (web) alone: queue, rules playground, dashboard')
    .option('--port <port>', 'port (default: CONSOLE_PORT)', (v) => Number(v))
    .option('--host <host>', 'address to listen on (default: CONSOLE_HOST)')
    .action(async (opts: { port?: number; host?: string }) => {
      const cfg = loadEnvConfig();
      const db = await openConfiguredDatabase(cfg, { quietBuild: true });
      const rules = await startRulesRuntime(
        path.resolve(cfg.RULES_DIR),
        path.resolve(cfg.MUJIB_DATA_DIR),
        log,
      );
      const running = await startConsole({
        store: db.store,
        rules: () => rules.current(),
        port: opts.port ?? cfg.CONSOLE_PORT,
        host: opts.host ?? cfg.CONSOLE_HOST,
        secureCookies: cfg.CONSOLE_SECURE_COOKIES,
        ticketPrefix: cfg.TICKET_PREFIX,
        log,
      });
      const staff = await staffCount(db.store);
      console.log(`Staff console: ${running.url}  (database: ${db.description}; Ctrl-C to stop)`);
      if (!staff) console.log('No staff accounts yet: add one with `mujib staff add NAME`.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
      rules.close();
      await db.close();
    });
}
