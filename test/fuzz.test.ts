// Hostile input: random Unicode (RTL marks, zero-width joiners, emoji sequences, 10 kB
// texts, lone surrogates) through the classifier, the reply renderer and the whole bot, and
// broken API payloads. Nothing crashes, no mention is lost, nothing is answered twice.
import fc from 'fast-check';
import { startTestEmulator, type TestEmulator } from './support/emulator';
import { startTestBot, tickUntil } from './support/bot';
import { uniqueDbName, openTestDatabase } from './support/db';
import type { Runtime } from '../src/app/runtime';
import { renderReply, weightedLength } from '../src/reply';
import { CURSOR_KEY, pollMentions } from '../src/bot/poller';
import { getState } from '../src/store/state';

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }), // includes lone surrogates
  fc.string({
    unit: fc.constantFrom(
      '\u200f',
      '\u200e',
      '\u202e',
      '\u200d',
      '\ufeff',
      'ح',
      'ف',
      'ر',
      'ة',
      '👨‍👩‍👧',
      '🇸🇦',
      ' ',
      '#',
      '@',
      'a',
    ),
    maxLength: 200,
  }),
  fc.constant('حفرة '.repeat(2048)), // 10 kB
  fc.constant('\ud800\udc00\ud800 منهل مفتوح \udfff'),
);

let emu: TestEmulator;
let rt: Runtime | undefined;
let dbName: string;

beforeAll(async () => {
  emu = await startTestEmulator({ limits: { post: { limit: 10_000, windowMs: 900_000 } } });
  dbName = uniqueDbName('fuzz');
  rt = await startTestBot(emu, dbName);
});
afterAll(async () => {
  await rt?.stop();
  await emu.stop();
  const db = await openTestDatabase('cleanup');
  await db.conn.useDb(dbName).dropDatabase();
  await db.drop();
});

test('the classifier and the renderer take any text and any display name', () => {
  const policy = rt!.ctx.policy();
  fc.assert(
    fc.property(hostile, hostile, (text, name) => {
      const d = rt!.ctx.classifier().classify(text);
      expect(['ar', 'en', 'other']).toContain(d.lang);
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
      const reply = renderReply({
        templates: policy.templates,
        kind: 'ack',
        category: d.category,
        lang: d.lang === 'en' ? 'en' : 'ar',
        vars: { name, ticket: 'AM-2611-0042' },
        agency: policy.agency,
      });
      expect(weightedLength(reply)).toBeLessThanOrEqual(280);
      expect(reply).not.toMatch(/@\w/);
      expect(reply).toContain('AM-2611-0042');
    }),
    { numRuns: 300 },
  );
});

test('hostile tweets through the whole bot: all stored, each answered at most once, none lost', async () => {
  const texts = fc.sample(hostile, 60).filter((t) => t.trim().length > 0);
  const names = fc.sample(hostile, texts.length);
  const tweets = texts.map((text, i) =>
    emu.injectMention({ text, author: `fuzz_${i}`, authorName: names[i]!.slice(0, 50) || undefined }),
  );
  await tickUntil(
    rt!,
    async () =>
      (await rt!.db.models.Mention.countDocuments({ status: 'new' })) === 0 &&
      (await rt!.db.models.Mention.countDocuments()) >= tweets.length,
    60_000,
  );
  await tickUntil(
    rt!,
    async () => (await rt!.db.models.Reply.countDocuments({ status: 'planned' })) === 0,
    60_000,
  );
  const M = rt!.db.models.Mention;
  for (const t of tweets) {
    const m = await M.findById(t.id).lean();
    expect(m).not.toBeNull();
    expect(['processed', 'skipped']).toContain(m!.status);
    expect(emu.posts().filter((p) => p.inReplyToId === t.id).length).toBeLessThanOrEqual(1);
  }
  expect(rt!.ctx.health.counts.errors_pipeline ?? 0).toBe(0);
}, 150_000);

test('broken payloads from X: a cut-off page is retried, broken tweets are refetched whole', async () => {
  const a = emu.injectMention({ text: 'حفرة في شارع الأمير سلطان', author: 'payload_a' });
  const b = emu.injectMention({ text: 'الإنارة طافية في حي الورود', author: 'payload_b' });
  const before = (await getState<{ sinceId: string }>(rt!.ctx.store, CURSOR_KEY))?.sinceId;
  emu.injectFault({ kind: 'garbled', route: 'mentions' });
  await rt!.bot.tick();
  // Nothing stored from a page that could not be read, and the cursor did not move.
  expect(await rt!.db.models.Mention.countDocuments({ _id: { $in: [a.id, b.id] } })).toBe(0);
  expect((await getState<{ sinceId: string }>(rt!.ctx.store, CURSOR_KEY))?.sinceId).toBe(before);

  // Now the page arrives but its tweets are broken (no text / no author). That poll still
  // succeeds and stores both as malformed (a textless tweet once made the whole poll throw,
  // storing nothing, and the next poll's whole copies hid it).
  emu.injectFault({ kind: 'malformed', route: 'mentions' });
  await pollMentions(rt!.ctx); // must not throw
  const broken = await rt!.db.models.Mention.find({ _id: { $in: [a.id, b.id] } }).lean();
  expect(broken.map((m) => m.skipReason).sort()).toEqual(['malformed', 'malformed']);
  await tickUntil(
    rt!,
    async () => emu.posts().filter((p) => [a.id, b.id].includes(p.inReplyToId!)).length === 2,
    60_000,
  );
  for (const id of [a.id, b.id]) {
    const m = await rt!.db.models.Mention.findById(id).lean();
    expect(m?.status).toBe('processed');
    expect(m?.text.length).toBeGreaterThan(5);
    expect(emu.posts().filter((p) => p.inReplyToId === id)).toHaveLength(1);
  }
}, 120_000);
