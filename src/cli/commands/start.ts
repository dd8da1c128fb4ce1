// `mujib start`: run the bot. With X credentials it answers on X; with none it runs the
// built-in sandbox (emulator + embedded database + sample citizens) so anyone can watch it.
import type { Command } from 'commander';
import path from 'node:path';
import { loadEnvConfig } from '../../app/setup';
import { log } from '../../log';
import { startRuntime, type Runtime } from '../../app/runtime';
import { xMode } from '../../config';
import { installCrashHandlers } from '../crash';
import { UserError } from '../errors';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the bot (on X with credentials, otherwise on the built-in sandbox)')
    .option('--no-feed', 'sandbox: do not inject sample citizen tweets')
    .option('--sandbox', 'run the sandbox (emulated X) even though MONGODB_URI names a real database')
    .action(async (opts: { feed: boolean; sandbox?: boolean }) => {
      const cfg = loadEnvConfig();
      // No X credentials but a real database: most likely a production setup missing its
      // credentials, not someone trying Mujib out. The sandbox would write sample tickets there.
      if (cfg.MONGODB_URI && xMode(cfg) === 'sandbox' && !opts.sandbox)
        throw new UserError(
          'MONGODB_URI is set but no X credentials are: set X_API_KEY… or X_OAUTH2_USER_TOKEN to answer on X, or pass --sandbox to try the sandbox on that database (no staff account is created there).',
        );
      // Filled once the runtime is up: a crash before that has no database of ours open yet
      // (the embedded one stops by itself when this process is gone).
      const started: { rt?: Runtime } = {};
      installCrashHandlers(log, async () => {
        await started.rt?.db.close();
      });
      const rt = await startRuntime({ cfg, log, feed: opts.feed && cfg.SANDBOX_FEED });
      started.rt = rt;
      const { account } = rt.ctx;
      const banner = [
        '',
        '  مُجيب · Mujib is running',
        `  mode      ${rt.mode === 'sandbox' ? `sandbox (local X API emulator at ${rt.emulator!.url}, token ${rt.emulator!.token})` : 'X API ' + cfg.X_API_BASE_URL}`,
        `  account   @${account.username} (${account.id})`,
        `  schedule  ${cfg.POLL_SCHEDULE} (cron, with seconds)`,
        `  rules     ${path.resolve(cfg.RULES_DIR)} — ${rt.rules.current().pack.rules.length} rules, ${rt.rules.current().pack.categories.length} categories, watched for edits`,
        `  database  ${rt.db.description}`,
        rt.console
          ? `  console   ${rt.console.url}${rt.console.demoLogin ? ` (sign in as ${rt.console.demoLogin.name} / ${rt.console.demoLogin.password})` : ''}`
          : '',
        rt.healthUrl ? `  health    ${rt.healthUrl}/healthz and /metrics` : '',
        rt.mode === 'sandbox'
          ? `  try       npx mujib sandbox inject "حفرة في شارعنا" --author me --url ${rt.emulator!.url}`
          : '',
        '  Ctrl-C stops after the work in flight.',
        '',
      ].filter((l) => l !== '');
      console.log(banner.join('\n'));

      const reason = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
        void rt.fatal.then((m) => resolve(`fatal: ${m}`));
      });
      log.info(`Stopping (${reason}): finishing the work in flight…`);
      await rt.stop();
      log.info('Stopped.');
      if (reason.startsWith('fatal')) process.exitCode = 1;
    });
}
