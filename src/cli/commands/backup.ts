// `mujib backup [--out FILE]` and `mujib restore FILE [--drop]`: every collection of the
// configured database (MONGODB_URI, or the embedded one) to one gzip'd archive and back,
// through the driver (store/backup.ts). Restore checks the whole archive before writing.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnvConfig, openConfiguredDatabase } from '../../app/setup';
import { log } from '../../log';
import { restoreBackup, verifyBackup, writeBackup } from '../../store/backup';

function mujibVersion(): string {
  const pkg = path.join(__dirname, '..', '..', '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write every collection of the database to one archive (gzip, Extended JSON lines)')
    .option('--out <file>', 'archive to write (default: mujib-backup-<time>.jsonl.gz here)')
    .action(async (opts: { out?: string }) => {
      const cfg = loadEnvConfig();
      const now = new Date();
      const file = path.resolve(opts.out ?? `mujib-backup-${stamp(now)}.jsonl.gz`);
      const db = await openConfiguredDatabase(cfg, { quietBuild: true });
      try {
        const r = await writeBackup(db.store, file, { mujibVersion: mujibVersion(), now });
        console.log(
          `Backed up ${total(r.counts)} documents (${list(r.counts)}), schema ${r.header.schemaVersion}, to ${r.file} (${(r.bytes / 1024).toFixed(1)} kB)`,
        );
      } finally {
        await db.close();
      }
    });

  program
    .command('restore <file>')
    .description('restore an archive made by `mujib backup` into the database (stop the bot first)')
    .option('--drop', 'replace the collections the archive holds, even if they have data')
    .option('--check', 'only check the archive is whole and readable; touch no database')
    .action(async (file: string, opts: { drop?: boolean; check?: boolean }) => {
      const cfg = loadEnvConfig();
      if (opts.check) {
        const s = await verifyBackup(path.resolve(file));
        console.log(
          `${file}: whole; ${total(s.counts)} documents (${list(s.counts)}), schema ${s.header.schemaVersion}, made by Mujib ${s.header.mujibVersion} at ${s.header.createdAt}`,
        );
        return;
      }
      const db = await openConfiguredDatabase(cfg, { quietBuild: true });
      try {
        const r = await restoreBackup(db.store, path.resolve(file), {
          drop: opts.drop,
          log: (l) => log.info(l),
        });
        console.log(
          `Restored ${total(r.counts)} documents (${list(r.counts)}) from ${file} into ${db.description}; schema ${r.migrated.from} → ${r.migrated.to}`,
        );
      } finally {
        await db.close();
      }
    });
}
