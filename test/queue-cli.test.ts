// `mujib queue …` driven through the real CLI entry (in process) against the test database:
// readable output, one-line refusals with exit code 1, and resolve --reply filling the outbox.
import { main } from '../src/cli/main';
import type { Decision } from '../src/classify/types';
import { decide } from '../src/decide';
import { openTicket, type Ticket } from '../src/queue';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';
import { openTestDatabase, testUri } from './support/db';
import { accessLog } from '../src/store/access-log';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
const agency = loadAgency('rules');
const escalation = loadEscalation('rules');

beforeAll(async () => {
  db = await openTestDatabase('queue_cli');
  process.env.MONGODB_URI = `${testUri().replace(/\/?$/, '/')}${db.dbName}`;
  process.env.LOG_LEVEL = 'error';
});
afterAll(async () => {
  await db.drop();
});

async function mujib(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  // Commander exits the process itself on usage errors of subcommands (missing option).
  let exited: number | undefined;
  const exit = jest.spyOn(process, 'exit').mockImplementation((c?: string | number | null) => {
    exited = Number(c ?? 0);
    throw new Error('exit');
  });
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err.push(String(s).trimEnd());
    return true;
  });
  process.exitCode = 0;
  try {
    await main(['node', 'mujib', ...args]);
  } catch (e) {
    if (exited === undefined) throw e;
  } finally {
    log.mockRestore();
    error.mockRestore();
    exit.mockRestore();
    write.mockRestore();
  }
  const code = exited ?? Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let seq = 0;
async function newTicket(over: Partial<Decision> = {}, author = 'citizen'): Promise<Ticket> {
  const d: Decision = {
    lang: 'ar',
    category: 'roads',
    confidence: 1,
    source: 'rule',
    rule: 'roads-potholes',
    urgent: false,
    needsTriage: false,
    ...over,
  };
  const id = `cli-${++seq}`;
  const now = new Date();
  const { ticket } = await openTicket(db.store, {
    mention: { id, authorId: `u-${seq}`, authorUsername: author, conversationId: id },
    decision: d,
    outcome: decide(d, { agency, escalation, now, recentTicketsByAuthor: 0 }),
    prefix: 'AM',
    timeZone: agency.timeZone,
    now,
  });
  await db.models.Mention.create({
    _id: id,
    text: 'حفرة خطيرة أمام المدرسة',
    authorId: `u-${seq}`,
    authorName: 'أبو فهد',
  });
  return ticket;
}

test('list shows the queue in aligned columns, urgent first; --json gives one ticket per line', async () => {
  const roads = await newTicket();
  const urgent = await newTicket({ category: 'water_sewage', urgent: true }, 'someone');
  const r = await mujib('queue', 'list');
  expect(r.code).toBe(0);
  const lines = r.out.split('\n');
  expect(lines[0]).toMatch(/^REF\s+P\s+STATUS\s+CATEGORY\s+DUE \(Asia\/Riyadh\)\s+ESC\s+AUTHOR$/);
  expect(lines[1]).toMatch(
    new RegExp(
      `^${urgent._id}\\s+1\\s+open\\s+water_sewage\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+in 4h\\s+urgent\\s+@someone$`,
    ),
  );
  expect(lines[2]).toMatch(new RegExp(`^${roads._id}\\s+2\\s+open\\s+roads\\s+`));
  // Columns line up: every row's category starts where the header's does.
  const col = lines[0]!.indexOf('CATEGORY');
  for (const l of lines.slice(1)) expect(l.slice(col)).toMatch(/^(water_sewage|roads) /);

  const json = await mujib('queue', 'list', '--json', '--category', 'roads');
  expect(json.out.split('\n').map((l) => JSON.parse(l)._id)).toEqual([roads._id]);
});

test('claim, note (Arabic), resolve --reply, show: the whole staff round trip', async () => {
  const t = await newTicket();
  expect((await mujib('queue', 'claim', t._id.toLowerCase(), '--as', 'huda')).out).toMatch(
    new RegExp(`^${t._id} claimed by huda \\(lease until .*\\)$`),
  );
  expect((await mujib('queue', 'note', t._id, 'تم إبلاغ فريق الصيانة', '--as', 'huda')).code).toBe(0);
  const resolved = await mujib(
    'queue',
    'resolve',
    t._id,
    '--as',
    'huda',
    '--note',
    'تم ردم الحفرة',
    '--reply',
  );
  expect(resolved.code).toBe(0);
  expect(resolved.out).toContain(`${t._id} resolved by huda`);
  expect(resolved.out).toContain(
    `reply queued (resolved:${t._id}): أهلًا أبو فهد، نفيدكم بأن بلاغكم رقم ${t._id}`,
  );
  const reply = await db.models.Reply.findById(`resolved:${t._id}`).lean();
  expect(reply).toMatchObject({ status: 'planned', inReplyToTweetId: t.mentionId, kind: 'resolved' });

  const show = await mujib('queue', 'show', t._id);
  expect(show.out.split('\n')[0]).toBe(`${t._id}  resolved`);
  // The staff access log has each command on this ticket, newest first (PDPL accountability).
  const logged = await accessLog(db.store, { ticket: t._id });
  expect(logged[0]).toMatchObject({
    action: 'view',
    via: 'cli',
    staff: expect.stringContaining('(terminal)'),
  });
  expect(logged.map((e) => `${e.staff}:${e.action}`)).toEqual(expect.arrayContaining(['huda:resolve']));
  expect(show.out).toMatch(
    /notes\n {2}\S+ \S+ {2}huda: تم إبلاغ فريق الصيانة\n {2}\S+ \S+ {2}huda: تم ردم الحفرة/,
  );
  expect(show.out).toMatch(
    /history\n {2}.* mujib {2}opened — roads \(rule roads-potholes\)\n {2}.* huda {3}claimed — lease until/,
  );
  expect(show.out).toMatch(/huda {3}resolved — تم ردم الحفرة$/);
});

test('refusals are one line on stderr with exit code 1', async () => {
  const t = await newTicket();
  await mujib('queue', 'claim', t._id, '--as', 'huda');
  const held = await mujib('queue', 'resolve', t._id, '--as', 'omar');
  expect(held).toMatchObject({ code: 1, out: '' });
  expect(held.err).toMatch(
    new RegExp(`^mujib: ${t._id} is claimed by huda until \\S+; only they can resolve it$`),
  );
  const reopen = await mujib('queue', 'reopen', t._id, '--as', 'omar');
  expect(reopen.code).toBe(1);
  expect(reopen.err).toBe(`mujib: ${t._id} is claimed, not resolved: nothing to reopen`);
  const unknown = await mujib('queue', 'show', 'AM-2001-0001');
  expect(unknown).toMatchObject({ code: 1, err: 'mujib: no ticket AM-2001-0001' });
  const badStatus = await mujib('queue', 'list', '--status', 'done');
  expect(badStatus).toMatchObject({ code: 1, err: expect.stringContaining("unknown status 'done'") });
  const noName = await mujib('queue', 'claim', t._id);
  expect(noName.code).toBe(1);
  expect(noName.err).toContain("required option '--as <name>' not specified");
});
