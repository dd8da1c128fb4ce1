// The daily clean-up of `state`: only decisions that can no longer be contested go.
import { removeSettledClaims } from '../src/store/housekeeping';
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('housekeeping');
});
afterAll(async () => {
  await db.drop();
});

const NOW = new Date('2026-11-27T03:17:00Z');
const OLD = new Date(NOW.getTime() - 3 * 86_400_000);
const FRESH = new Date(NOW.getTime() - 3_600_000);

test('removes settled post claims and applied ticket tokens older than a day; keeps the rest', async () => {
  const { State, Reply, Ticket } = db.models;
  const reply = (id: string, status: 'planned' | 'posted' | 'stale') =>
    Reply.create({ _id: id, kind: 'ack', inReplyToTweetId: id.slice(4), text: 'شكراً', status });
  await reply('ack:1', 'posted');
  await reply('ack:2', 'planned');
  await reply('ack:3', 'posted');
  await reply('ack:4', 'stale');
  const at = NOW;
  await Ticket.create({
    _id: 'AM-2611-0001',
    mentionId: '1',
    authorId: 'u1',
    lang: 'ar',
    category: 'roads',
    priority: 3,
    history: [
      { at, by: 'mujib', action: 'opened' },
      { at, by: 'sara', action: 'claimed' },
    ],
  });
  const docs: [string, Date, Date?][] = [
    ['post:ack:1:1', OLD], // posted: settled → gone
    ['post:ack:2:1', OLD], // still planned: its poster may adopt it → kept
    ['post:ack:3:1', FRESH], // settled but recent → kept
    ['post:ack:4:2', OLD], // stale: settled → gone
    ['post:ack:9:1', OLD], // reply no longer exists → gone
    ['ticket-tx:AM-2611-0001:0', OLD], // applied (history has 2 entries) → gone
    ['ticket-tx:AM-2611-0001:1', OLD], // applied → gone
    ['ticket-tx:AM-2611-0001:2', OLD], // not applied yet (a dead winner's write to roll forward) → kept
    ['lease:bot:000000000001', OLD, OLD], // lease terms stay contiguous → kept
    ['lease:bot:000000000002', OLD, OLD],
    ['author-tickets:u1', OLD], // lookups and bindings are data, not claims → kept
    ['ticket-for-mention:1', OLD],
    ['mentions-cursor', OLD],
  ];
  for (const [_id, updatedAt, expiresAt] of docs) await State.create({ _id, updatedAt, expiresAt });

  const result = await removeSettledClaims(db.store, NOW);
  expect(result).toEqual({ claims: 3, tokens: 2 });
  const left = (await State.find({}, { _id: 1 }).lean()).map((d) => d._id).sort();
  expect(left).toEqual(
    [
      'post:ack:2:1',
      'post:ack:3:1',
      'ticket-tx:AM-2611-0001:2',
      'lease:bot:000000000001',
      'lease:bot:000000000002',
      'author-tickets:u1',
      'ticket-for-mention:1',
      'mentions-cursor',
      'schema-version', // stamped when the database was opened (store/migrations)
    ].sort(),
  );
  // Run again: nothing more to do.
  expect(await removeSettledClaims(db.store, NOW)).toEqual({ claims: 0, tokens: 0 });
});
