// `mujib queue …`: the staff side of the escalation queue from a terminal. Every refusal is
// one line on stderr and exit code 1 (nothing changed); times are in the agency's zone.
import type { Command } from 'commander';
import os from 'node:os';
import path from 'node:path';
import { recordAccess } from '../../store/access-log';
import { canonicalTicketRef } from '../../tickets/ref';
import { loadEnvConfig, openConfiguredDatabase } from '../../app/setup';
import { UserError } from '../errors';
import {
  claim,
  DEFAULT_LEASE_MS,
  formatTicketDetail,
  formatTicketTable,
  getTicket,
  listTickets,
  localTime,
  note,
  planResolvedReply,
  QueueError,
  release,
  reopen,
  resolve,
  STATUS_FILTERS,
  sweepSla,
  type StatusFilter,
  type Ticket,
} from '../../queue';
import { loadAgency, type Agency } from '../../rules/agency';
import { repliesFromPack } from '../../policy/policy';
import { templatesFromPack } from '../../pack/templates';
import { loadRulePack } from '../../pack/load';
import { formatProblem } from '../../rules/problem';
import { DEFAULT_TIME_ZONE } from '../../sla/zone';
import type { Store } from '../../store/store';

interface Ctx {
  store: Store;
  rulesDir: string;
  timeZone: string;
}

/** Opens the database, runs `fn`, closes; queue refusals become one-line user errors. */
async function withQueue(fn: (ctx: Ctx) => Promise<void>): Promise<void> {
  const cfg = loadEnvConfig();
  const rulesDir = path.resolve(cfg.RULES_DIR);
  let timeZone = DEFAULT_TIME_ZONE;
  try {
    timeZone = loadAgency(rulesDir).timeZone;
  } catch {
    // A broken agency.yml must not lock staff out of the queue: show Riyadh time.
  }
  const db = await openConfiguredDatabase(cfg, { quietBuild: true });
  try {
    if (pendingAccess) await recordAccess(db.store, pendingAccess);
    await fn({ store: db.store, rulesDir, timeZone });
  } catch (e) {
    if (e instanceof QueueError) throw new UserError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

const done = (t: Ticket, what: string, tz: string) =>
  console.log(
    `${t._id} ${what}${t.status === 'claimed' ? ` (lease until ${localTime(t.leaseUntil, tz)})` : ''}`,
  );

function replySettings(rulesDir: string): {
  agency: Agency;
  templates: ReturnType<typeof templatesFromPack>;
} {
  const { pack, problems } = loadRulePack(rulesDir);
  if (!pack) {
    const first = problems.slice(0, 3).map(formatProblem).join('\n  ');
    throw new UserError(
      `cannot reply: the rules in ${rulesDir} have ${problems.length} problem(s); nothing changed\n  ${first}`,
    );
  }
  return repliesFromPack(pack);
}

/** The staff access log (store/access-log.ts): set by the preAction hook, written once the database is open. */
let pendingAccess: Parameters<typeof recordAccess>[1] | undefined;

export function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .description('the escalation queue: list, show, claim, note, resolve, reopen tickets');
  // Every command on one ticket is logged: who (--as, or the terminal's user), which, what.
  queue.hook('preAction', (_queue, cmd) => {
    const ref = cmd.args[0];
    if (!ref || ['list', 'sweep'].includes(cmd.name())) return;
    const as = (cmd.opts() as { as?: string }).as;
    pendingAccess = {
      staff: as ?? `${os.userInfo().username} (terminal)`,
      ticket: canonicalTicketRef(ref),
      action: cmd.name() === 'show' ? 'view' : cmd.name(),
      via: 'cli',
    };
  });

  queue
    .command('list')
    .description('tickets, most urgent first, then nearest deadline')
    .option('--status <status>', `${STATUS_FILTERS.join(' | ')} (default: active = open or claimed)`)
    .option('--category <id>', 'only this category')
    .option('--overdue', 'only unresolved tickets past their deadline')
    .option('--escalated', 'only escalated tickets')
    .option('--limit <n>', 'at most this many', (v) => Number(v), 50)
    .option('--json', 'JSON lines, one ticket per line')
    .action(
      async (o: {
        status?: string;
        category?: string;
        overdue?: boolean;
        escalated?: boolean;
        limit: number;
        json?: boolean;
      }) => {
        if (o.status && !STATUS_FILTERS.includes(o.status as StatusFilter))
          throw new UserError(`unknown status '${o.status}'; use one of: ${STATUS_FILTERS.join(', ')}`);
        if (!(o.limit >= 1)) throw new UserError('--limit must be a positive number');
        await withQueue(async ({ store, timeZone }) => {
          const now = new Date();
          const tickets = await listTickets(store, {
            status: o.status as StatusFilter | undefined,
            category: o.category,
            overdue: o.overdue,
            ...(o.escalated ? { escalated: true } : {}),
            limit: o.limit,
            now,
          });
          if (o.json) for (const t of tickets) console.log(JSON.stringify(t));
          else console.log(formatTicketTable(tickets, { timeZone, now }));
        });
      },
    );

  queue
    .command('show <ref>')
    .description('one ticket: details, notes, follow-ups and its full history')
    .option('--json', 'the ticket as JSON')
    .action(async (ref: string, o: { json?: boolean }) =>
      withQueue(async ({ store, timeZone }) => {
        const t = await getTicket(store, ref);
        console.log(
          o.json ? JSON.stringify(t, null, 2) : formatTicketDetail(t, { timeZone, now: new Date() }),
        );
      }),
    );

  queue
    .command('claim <ref>')
    .description('take a ticket (a lease: when it expires, others may take it over)')
    .requiredOption('--as <name>', 'who you are')
    .option('--lease <minutes>', `how long you hold it (default ${DEFAULT_LEASE_MS / 60_000})`, (v) =>
      Number(v),
    )
    .action(async (ref: string, o: { as: string; lease?: number }) => {
      if (o.lease !== undefined && !(o.lease > 0))
        throw new UserError('--lease must be a positive number of minutes');
      await withQueue(async ({ store, timeZone }) =>
        done(
          await claim(store, ref, { as: o.as, ...(o.lease ? { leaseMs: o.lease * 60_000 } : {}) }),
          `claimed by ${o.as}`,
          timeZone,
        ),
      );
    });

  queue
    .command('release <ref>')
    .description('give a claimed ticket back to the queue')
    .requiredOption('--as <name>', 'who you are')
    .action(async (ref: string, o: { as: string }) =>
      withQueue(async ({ store, timeZone }) =>
        done(await release(store, ref, { as: o.as }), 'released', timeZone),
      ),
    );

  queue
    .command('note <ref> <text>')
    .description('add a note (Arabic is fine: quote it)')
    .requiredOption('--as <name>', 'who you are')
    .action(async (ref: string, text: string, o: { as: string }) =>
      withQueue(async ({ store, timeZone }) =>
        done(await note(store, ref, { as: o.as, text }), 'noted', timeZone),
      ),
    );

  queue
    .command('resolve <ref>')
    .description('mark a ticket resolved (yours, unclaimed, or an expired claim)')
    .requiredOption('--as <name>', 'who you are')
    .option('--note <text>', 'what was done')
    .option('--reply', "tell the citizen: queue the 'resolved' reply for the bot to post")
    .action(async (ref: string, o: { as: string; note?: string; reply?: boolean }) =>
      withQueue(async ({ store, rulesDir, timeZone }) => {
        // Rules first: a broken pack refuses before anything changes.
        const settings = o.reply ? replySettings(rulesDir) : undefined;
        const t = await resolve(store, ref, { as: o.as, ...(o.note ? { note: o.note } : {}) });
        done(t, `resolved by ${o.as}`, timeZone);
        if (settings) {
          const r = await planResolvedReply(store, t, settings);
          console.log(
            r.planned ? `reply queued (${r.id}): ${r.text}` : `a resolved reply was already queued (${r.id})`,
          );
        }
      }),
    );

  queue
    .command('reopen <ref>')
    .description('put a resolved ticket back in the queue')
    .requiredOption('--as <name>', 'who you are')
    .option('--reason <text>', 'why (e.g. the citizen says it is not fixed)')
    .action(async (ref: string, o: { as: string; reason?: string }) =>
      withQueue(async ({ store, timeZone }) =>
        done(
          await reopen(store, ref, { as: o.as, ...(o.reason ? { reason: o.reason } : {}) }),
          'reopened',
          timeZone,
        ),
      ),
    );

  queue
    .command('sweep')
    .description('flag tickets past their deadline now (the bot also does this on its schedule)')
    .action(async () =>
      withQueue(async ({ store }) => {
        const r = await sweepSla(store, new Date());
        console.log(`${r.breached} ticket(s) newly past their deadline, ${r.raised} raised in priority`);
      }),
    );
}
