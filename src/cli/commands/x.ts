// `mujib x auth`: OAuth 2.0 consent (PKCE) from a terminal; the tokens go into the database,
// encrypted with MUJIB_SECRET_KEY, and the bot refreshes them from then on.
import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { loadEnvConfig, openConfiguredDatabase } from '../context';
import { UserError } from '../errors';
import { runConsent } from '../../x/consent';
import { legacyModels } from '../../store/legacy-models';

export function registerX(program: Command): void {
  const x = program.command('x').description('The agency’s X account: OAuth 2.0 consent');
  x.command('auth')
    .description('Approve Mujib on X (OAuth 2.0 with PKCE) and store refreshable tokens, encrypted')
    .action(async () => {
      const cfg = loadEnvConfig();
      if (!cfg.X_OAUTH2_CLIENT_ID)
        throw new UserError('set X_OAUTH2_CLIENT_ID (the X app’s OAuth 2.0 client id) first');
      if (!cfg.MUJIB_SECRET_KEY)
        throw new UserError(
          'set MUJIB_SECRET_KEY first (`openssl rand -hex 32`): tokens are stored encrypted',
        );
      const db = await openConfiguredDatabase(cfg, { quietBuild: true });
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
      try {
        await runConsent(
          {
            apiBaseUrl: cfg.X_API_BASE_URL,
            authorizeUrl: cfg.X_OAUTH2_AUTHORIZE_URL,
            redirectUri: cfg.X_OAUTH2_REDIRECT_URI,
            clientId: cfg.X_OAUTH2_CLIENT_ID,
            clientSecret: cfg.X_OAUTH2_CLIENT_SECRET,
            secretKey: cfg.MUJIB_SECRET_KEY,
          },
          legacyModels(db.store),
          { print: (l) => process.stdout.write(l + '\n'), readLine: (p) => rl.question(p) },
        );
      } finally {
        rl.close();
        await db.close();
      }
    });
}
