// `mujib citizen export @handle` / `mujib citizen erase @handle`: a citizen's PDPL requests
// (src/privacy/citizen.ts). Export prints JSON on stdout (or --out FILE); erase asks for --yes.
import type { Command } from 'commander';
import fs from 'node:fs';
import { loadEnvConfig, openConfiguredDatabase } from '../../app/setup';
import { UserError } from '../errors';
import { eraseCitizen, exportCitizen } from '../../privacy/citizen';
import type { Store } from '../../store/store';

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(loadEnvConfig(), { quietBuild: true });
  try {
    return await fn(db.store);
  } finally {
    await db.close();
  }
}

export function registerCitizen(program: Command): void {
  const citizen = program
    .command('citizen')
    .description("a citizen's own data: export it, or erase it (PDPL)");

  citizen
    .command('export <handle>')
    .description('everything stored about @handle (posts, tickets, replies) as JSON')
    .option('--out <file>', 'write to this file (mode 600) instead of stdout')
    .action(async (handle: string, o: { out?: string }) => {
      const data = await withStore((m) => exportCitizen(m, handle));
      if (!data.authorIds.length) throw new UserError(`nothing stored about ${data.handle}`);
      const text = JSON.stringify(data, null, 2) + '\n';
      if (o.out) {
        fs.writeFileSync(o.out, text, { mode: 0o600 });
        console.error(
          `${data.handle}: ${data.mentions.length} posts, ${data.tickets.length} tickets, ${data.replies.length} replies → ${o.out}`,
        );
      } else process.stdout.write(text);
    });

  citizen
    .command('erase <handle>')
    .description("blank @handle's posts, name and handle everywhere; ticket records stay")
    .requiredOption('--as <name>', 'the staff member carrying out the request (recorded on the tickets)')
    .option('--yes', 'really erase (without it, only says what would go)')
    .action(async (handle: string, o: { as: string; yes?: boolean }) => {
      await withStore(async (m) => {
        if (!o.yes) {
          const data = await exportCitizen(m, handle);
          if (!data.authorIds.length) throw new UserError(`nothing stored about ${data.handle}`);
          console.log(
            `${data.handle}: would blank ${data.mentions.length} posts and ${data.replies.length} replies and remove the handle from ${data.tickets.length} tickets. Run again with --yes.`,
          );
          return;
        }
        const r = await eraseCitizen(m, handle, { by: o.as });
        if (!r.authorIds.length) throw new UserError(`nothing stored about @${handle.replace(/^@/, '')}`);
        console.log(
          `Erased: ${r.mentions} posts, ${r.replies} replies blanked, ${r.withdrawn} unposted replies withdrawn, ${r.tickets} tickets without the citizen's handle or id.`,
        );
      });
    });
}
