// `mujib db`: runs the embedded FerretDB on its own, for poking at it with mongosh.
import type { Command } from 'commander';
import path from 'node:path';
import { loadEnvConfig } from '../../app/setup';
import { startFerretDB } from '../../store/ferretdb';

export function registerDb(program: Command): void {
  program
    .command('db')
    .description('run the embedded database (FerretDB) alone and print its connection string')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', (v) => Number(v))
    .action(async (opts: { port?: number }) => {
      const cfg = loadEnvConfig();
      const dataDir = path.resolve(cfg.MUJIB_DATA_DIR, 'data');
      const db = await startFerretDB({ dataDir, port: opts.port, onProgress: (l) => console.error(l) });
      console.log(`FerretDB running: ${db.uri}  (data in ${dataDir}; Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => void db.stop().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
