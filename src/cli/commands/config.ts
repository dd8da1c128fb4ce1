// `mujib config`: check the configuration and show what is in effect (secrets masked).
import type { Command } from 'commander';
import { loadEnvConfig } from '../../app/setup';
import { variables, type Variable } from '../../config/variables';
import { renderEnvExample } from '../../config/docs';
import { xMode } from '../../config';

export function registerConfig(program: Command): void {
  program
    .command('config')
    .description('validate the configuration (.env and environment) and print the values in effect')
    .option('--env-example', 'print a documented .env.example instead')
    .action((opts: { envExample?: boolean }) => {
      if (opts.envExample) {
        process.stdout.write(renderEnvExample());
        return;
      }
      const cfg = loadEnvConfig() as unknown as Record<string, unknown>;
      for (const v of Object.values(variables) as Variable[]) {
        const value = cfg[v.name];
        const shown = value === undefined ? '(unset)' : v.secret ? '(set, hidden)' : JSON.stringify(value);
        console.log(`${v.name.padEnd(22)} ${shown}`);
      }
      console.log(`\nX API mode: ${xMode(loadEnvConfig())}`);
    });
}
