// X as a Channel, over real HTTP against the emulator: the port's words (post refs, cursors,
// failures, limits) for the same requests the bot makes. Nothing is mocked.
import { createXChannel, type XCursor } from '../src/x';
import type { Channel, InboundPost } from '../src/channel';
import { startTestEmulator, type TestEmulator } from './support/emulator';

let emu: TestEmulator;
let x: Channel<XCursor>;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => {
  emu.reset();
  x = createXChannel({ client: emu.client(), account: emu.agency });
});

async function fetchAll(cursor?: XCursor, pageSize = 5): Promise<InboundPost[]> {
  const out: InboundPost[] = [];
  let page: string | undefined;
  do {
    const res = await x.fetchPage({ cursor, page, pageSize });
    out.push(...res.posts);
    page = res.next;
  } while (page);
  return out;
}

async function failureOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return x.failure(e);
  }
  throw new Error('expected a failure');
}

test('whoAmI is the agency account; the channel is named x and counts as X does', async () => {
  expect(await x.whoAmI()).toEqual({
    id: emu.agency.id,
    handle: emu.agency.username,
    name: emu.agency.name,
  });
  expect(x.name).toBe('x');
  expect(x.text).toMatchObject({ label: 'X', max: 280 });
  expect(x.link('1860', 'sara_1')).toBe('https://x.com/sara_1/status/1860');
  expect(x.link('1860', 'not a handle')).toBe('https://x.com/i/web/status/1860');
  expect(x.link('whatsapp:1')).toBeUndefined();
});

test('mentions arrive as posts named by channel and id, across pages, after the cursor', async () => {
  const sent = Array.from({ length: 7 }, (_, i) =>
    emu.injectMention({ text: `بلاغ ${i}`, author: `citizen${i}`, authorName: `مواطن ${i}` }),
  );
  const got = await fetchAll(undefined, 5);
  expect(got.map((p) => p.ref)).toEqual([...sent].reverse().map((t) => ({ channel: 'x', id: t.id })));
  expect(got[0]!.author).toEqual({ id: expect.any(String), handle: 'citizen6', name: 'مواطن 6' });
  expect(got[0]!.isRepost).toBe(false);
  // Oldest first by the channel's order, then the cursor past the 4th: only 3 newer ones.
  const ids = got.map((p) => p.ref.id).sort(x.compare);
  expect(ids).toEqual(sent.map((t) => t.id));
  const after = await fetchAll(x.cursorAfter(ids[3]!));
  expect(after.map((p) => p.ref.id).sort(x.compare)).toEqual(ids.slice(4));
  // Just short of a post: it comes again.
  const again = await fetchAll(x.cursorBefore(ids[3]!));
  expect(again.map((p) => p.ref.id).sort(x.compare)).toEqual(ids.slice(3));
  expect(x.compareCursors(x.cursorBefore(ids[3]!), x.cursorAfter(ids[3]!))).toBeLessThan(0);
  expect(x.compareCursors(x.cursorAfter(ids[4]!), x.cursorAfter(ids[3]!))).toBeGreaterThan(0);
  expect(x.isPostId(ids[0]!)).toBe(true);
  expect(x.isPostId('not-an-id')).toBe(false);
});

test('a reply in a thread names the post it answers and its thread', async () => {
  const root = emu.injectMention({ text: 'حفرة في الشارع', author: 'sara' });
  const child = emu.injectMention({ text: 'ما زالت موجودة', author: 'sara', inReplyToId: root.id });
  const [post] = (await fetchAll()).filter((p) => p.ref.id === child.id);
  expect(post!.inReplyTo).toEqual({ channel: 'x', id: root.id });
  expect(post!.threadId).toBe(root.id);
});

test('reply returns the new post; ownPosts finds it answering the same post', async () => {
  const m = emu.injectMention({ text: 'إنارة معطلة', author: 'noura' });
  const posted = await x.reply({ text: 'وصلنا بلاغكم AM-2612-0001', to: { channel: 'x', id: m.id } });
  expect(posted.channel).toBe('x');
  expect(emu.posts()).toEqual([expect.objectContaining({ id: posted.id, inReplyToId: m.id })]);
  const mine = await x.ownPosts({ since: new Date(Date.now() - 60_000), max: 100 });
  expect(mine).toContainEqual({
    ref: posted,
    text: 'وصلنا بلاغكم AM-2612-0001',
    inReplyTo: { channel: 'x', id: m.id },
  });
});

test('a reply addressed to another channel never reaches X', async () => {
  const f = await failureOf(x.reply({ text: 'hello AM-1', to: { channel: 'whatsapp', id: 'wamid.1' } }));
  expect(f).toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/whatsapp:wamid\.1/) });
  expect(emu.posts()).toEqual([]);
});

test("X's refusals become the port's failures: duplicate, deleted, restricted, too long", async () => {
  const a = emu.injectMention({ text: 'one', author: 'p' });
  const b = emu.injectMention({ text: 'two', author: 'q' });
  await x.reply({ text: 'شكرا لتواصلك', to: { channel: 'x', id: a.id } });
  expect(await failureOf(x.reply({ text: 'شكرا لتواصلك', to: { channel: 'x', id: b.id } }))).toMatchObject({
    kind: 'duplicate',
    message: expect.stringMatching(/duplicate content/),
  });
  const gone = emu.injectMention({ text: 'bye', author: 'r' });
  emu.deleteTweet(gone.id);
  expect(await failureOf(x.reply({ text: 'r1', to: { channel: 'x', id: gone.id } }))).toMatchObject({
    kind: 'refused',
    reason: 'deleted',
    knownWording: true,
  });
  const locked = emu.injectMention({ text: 'locked', author: 's', repliesRestricted: true });
  expect(await failureOf(x.reply({ text: 'r2', to: { channel: 'x', id: locked.id } }))).toMatchObject({
    kind: 'refused',
    reason: 'restricted',
  });
  expect(await failureOf(x.reply({ text: 'ت'.repeat(281), to: { channel: 'x', id: b.id } }))).toMatchObject({
    kind: 'bad-request',
    message: expect.stringMatching(/too long/),
  });
});

test('limits and budget: rate windows as X reported them, 429s and the monthly cap as failures', async () => {
  const m = emu.injectMention({ text: 'x', author: 'y' });
  expect(x.limits()).toEqual({ byEndpoint: {}, postWindowMs: 15 * 60_000 });
  await x.fetchPage({});
  await x.reply({ text: 'ok 1', to: { channel: 'x', id: m.id } });
  const l = x.limits();
  expect(l.fetch).toMatchObject({ limit: 300, remaining: 299 });
  expect(l.post).toMatchObject({ limit: 100, remaining: 99 });
  expect(Object.keys(l.byEndpoint).sort()).toEqual(['mentions', 'post']);

  emu.setLimits({ mentions: { limit: 1, windowMs: 120_000 } });
  await x.fetchPage({});
  const limited = await failureOf(x.fetchPage({}));
  expect(limited).toMatchObject({ kind: 'rate-limit', scope: '15min' });
  if (limited.kind !== 'rate-limit') throw new Error('unreachable');
  expect(Math.abs(limited.resetAt.getTime() - (Date.now() + 120_000))).toBeLessThan(3000);

  emu.reset(); // a fresh window
  emu.setBudget({ monthlyCapExceeded: true });
  expect(await failureOf(x.fetchPage({}))).toMatchObject({ kind: 'budget', why: 'monthly-cap' });
  emu.setBudget({ monthlyCapExceeded: false, paymentRequired: true });
  expect(await failureOf(x.fetchPage({}))).toMatchObject({ kind: 'budget', why: 'payment' });
});

test('credentials X refuses, an outage, and a non-X error', async () => {
  emu.injectFault({ kind: '401', route: 'me' });
  try {
    await x.whoAmI();
    throw new Error('expected a failure');
  } catch (e) {
    expect(x.failure(e)).toMatchObject({ kind: 'credentials' });
  }
  emu.injectFault({ kind: '503', route: 'mentions' });
  expect(await failureOf(x.fetchPage({}))).toMatchObject({ kind: 'transient' });
  expect(x.failure(new TypeError('boom'))).toEqual({ kind: 'unknown', message: 'boom' });
});
