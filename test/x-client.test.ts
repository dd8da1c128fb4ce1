// Our X client driven over real HTTP against the emulator: twitter-api-v2 underneath, our
// base-URL plugin, normalisation and error mapping on top. No part of it is mocked.
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  XAuthError,
  XBadRequestError,
  XDuplicateError,
  XRateLimitError,
  XReplyNotAllowedError,
  XTransientError,
  createXClient,
  withBackoff,
  type XClient,
  type XTweet,
} from '../src/x';
import { startTestEmulator, type TestEmulator } from './support/emulator';

let emu: TestEmulator;
let x: XClient;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => {
  emu.reset();
  x = emu.client();
});

async function allMentions(opts: {
  sinceId?: string;
  startTime?: Date;
  maxResults?: number;
}): Promise<XTweet[]> {
  const out: XTweet[] = [];
  let token: string | undefined;
  do {
    const page = await x.mentionsPage({ userId: emu.agency.id, ...opts, paginationToken: token });
    out.push(...page.tweets);
    token = page.nextToken;
  } while (token);
  return out;
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

test('me() is the agency account', async () => {
  expect(await x.me()).toEqual(emu.agency);
});

test('pages newest first across several pages, honouring since_id', async () => {
  const injected = Array.from({ length: 25 }, (_, i) =>
    emu.injectMention({ text: `حفرة رقم ${i}`, author: `citizen_${i % 4}`, authorName: `مواطن ${i % 4}` }),
  );
  const sinceId = injected[4]!.id;
  const first = await x.mentionsPage({ userId: emu.agency.id, sinceId, maxResults: 10 });
  expect(first.tweets).toHaveLength(10);
  expect(first.newestId).toBe(injected[24]!.id);
  expect(first.nextToken).toBeDefined();

  const got = await allMentions({ sinceId, maxResults: 10 });
  expect(got.map((t) => t.id)).toEqual(
    injected
      .slice(5)
      .reverse()
      .map((t) => t.id),
  );
  const t = got[0]!;
  expect(t).toMatchObject({
    text: `@Amana_Sandbox حفرة رقم 24`,
    authorUsername: 'citizen_0',
    authorName: 'مواطن 0',
    lang: 'ar',
    isRetweet: false,
    conversationId: t.id,
  });
  expect(t.createdAt).toBeInstanceOf(Date);
  // Nothing newer than the newest: an empty page, no token.
  const empty = await x.mentionsPage({ userId: emu.agency.id, sinceId: injected[24]!.id });
  expect(empty).toMatchObject({ tweets: [], malformed: [], resultCount: 0 });
  expect(empty.nextToken).toBeUndefined();
});

test('property: paging from any since_id yields exactly the newer mentions, newest first, once each', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 5, max: 100 }),
      fc.nat(),
      async (n, pageSize, pick) => {
        emu.reset();
        const ids = Array.from(
          { length: n },
          (_, i) => emu.injectMention({ text: `p${i}`, author: 'prop' }).id,
        );
        const cut = n ? pick % (n + 1) : 0; // 0: no since_id
        const sinceId = cut ? ids[cut - 1] : undefined;
        const got = (await allMentions({ sinceId, maxResults: pageSize })).map((t) => t.id);
        expect(got).toEqual(ids.slice(cut).reverse());
      },
    ),
    { numRuns: 30 },
  );
});

test('start_time bounds a first poll', async () => {
  const old = emu.injectMention({
    text: 'old',
    author: 'a',
    createdAt: new Date(Date.now() - 48 * 3600_000),
  });
  const fresh = emu.injectMention({ text: 'fresh', author: 'b', createdAt: new Date(Date.now() - 3600_000) });
  const got = await allMentions({ startTime: new Date(Date.now() - 24 * 3600_000) });
  expect(got.map((t) => t.id)).toEqual([fresh.id]);
  expect(got.map((t) => t.id)).not.toContain(old.id);
});

test('only the 800 most recent mentions are reachable', async () => {
  const ids = Array.from({ length: 850 }, (_, i) => emu.injectMention({ text: `m${i}`, author: 'flood' }).id);
  const got = await allMentions({ maxResults: 100 });
  expect(got).toHaveLength(800);
  expect(got[0]!.id).toBe(ids[849]);
  expect(got[799]!.id).toBe(ids[50]);
});

test('replies, retweets and the agency’s own tweets are told apart', async () => {
  const root = emu.injectMention({ text: 'the lamp is broken', author: 'citizen' });
  const ack = await x.reply('وصلنا بلاغك AM-1', root.id);
  const follow = emu.injectMention({ text: 'still broken', author: 'citizen', inReplyToId: ack.id });
  emu.injectMention({ text: 'look at this', author: 'fan', isRetweet: true, retweetOfId: root.id });
  const own = emu.injectOwnTweet('تنبيه: أعمال صيانة');
  const byId = new Map((await allMentions({})).map((t) => [t.id, t]));
  expect(byId.get(follow.id)).toMatchObject({
    inReplyToTweetId: ack.id,
    inReplyToUserId: emu.agency.id,
    conversationId: root.id,
    isRetweet: false,
  });
  const rt = [...byId.values()].find((t) => t.isRetweet)!;
  expect(rt.text).toBe(`RT @citizen: ${root.text}`);
  expect(byId.get(own.id)!.authorId).toBe(emu.agency.id);
});

test('a page with malformed items keeps the good ones and sets the bad ones aside', async () => {
  const page = {
    data: [
      { id: '1800000000000000003', text: 'good', author_id: '11', created_at: '2025-01-01T00:00:00.000Z' },
      { id: '1800000000000000002', author_id: '12' },
      { id: '1800000000000000001', text: 'no author' },
      'junk',
    ],
    includes: { users: [{ id: '11', username: 'eleven', name: 'Eleven' }] },
    meta: { result_count: 4, newest_id: '1800000000000000003', oldest_id: '1800000000000000001' },
  };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-rate-limit-limit': '300',
      'x-rate-limit-remaining': '7',
      'x-rate-limit-reset': '2000000000',
    });
    res.end(JSON.stringify(page));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const odd = createXClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { kind: 'oauth2', token: 'whatever-token' },
    });
    const got = await odd.mentionsPage({ userId: '42' });
    expect(got.tweets.map((t) => [t.id, t.authorUsername])).toEqual([['1800000000000000003', 'eleven']]);
    expect(got.malformed.map((m) => [m.id, m.reason])).toEqual([
      ['1800000000000000002', 'missing text'],
      ['1800000000000000001', 'missing author_id'],
      [undefined, 'not an object'],
    ]);
    expect(got.newestId).toBe('1800000000000000003');
    expect(got.rateLimit).toEqual({ limit: 300, remaining: 7, reset: new Date(2_000_000_000_000) });
  } finally {
    server.close();
  }
});

test('rate-limit headers are read from every answer, per endpoint', async () => {
  const m = emu.injectMention({ text: 'x', author: 'y' });
  await x.me();
  await x.mentionsPage({ userId: emu.agency.id });
  await x.mentionsPage({ userId: emu.agency.id });
  await x.reply('ok 1', m.id);
  await failure(x.reply('ok 1', m.id)); // a refused post still spends a request
  const rl = x.rateLimits;
  expect(rl.me).toMatchObject({ limit: 75, remaining: 74 });
  expect(rl.mentions).toMatchObject({ limit: 300, remaining: 298 });
  expect(rl.post).toMatchObject({ limit: 100, remaining: 98 });
  expect(rl.post!.reset.getTime()).toBeGreaterThan(Date.now());
  expect(rl.post!.day).toBeUndefined();
});

test('duplicate text → XDuplicateError', async () => {
  const a = emu.injectMention({ text: 'one', author: 'p' });
  const b = emu.injectMention({ text: 'two', author: 'q' });
  await x.reply('شكرا لتواصلك', a.id);
  const err = await failure(x.reply('شكرا لتواصلك', b.id));
  expect(err).toBeInstanceOf(XDuplicateError);
  expect(err.message).toMatch(/duplicate content/);
  expect(emu.posts()).toHaveLength(1);
});

test('replies X refuses → XReplyNotAllowedError (deleted / restricted); too long → XBadRequestError', async () => {
  const gone = emu.injectMention({ text: 'bye', author: 'p' });
  emu.deleteTweet(gone.id);
  const e1 = await failure(x.reply('r1', gone.id));
  expect(e1).toBeInstanceOf(XReplyNotAllowedError);
  expect((e1 as XReplyNotAllowedError).reason).toBe('deleted');
  const locked = emu.injectMention({ text: 'locked', author: 'q', repliesRestricted: true });
  const e2 = await failure(x.reply('r2', locked.id));
  expect((e2 as XReplyNotAllowedError).reason).toBe('restricted');
  const ok = emu.injectMention({ text: 'fine', author: 'r' });
  const e3 = await failure(x.reply('ت'.repeat(281), ok.id));
  expect(e3).toBeInstanceOf(XBadRequestError);
  expect(e3.message).toMatch(/too long/);
});

test('429 → XRateLimitError with resetAt from the headers (15-minute and 24-hour scopes)', async () => {
  emu.setLimits({ mentions: { limit: 1, windowMs: 120_000 } });
  await x.mentionsPage({ userId: emu.agency.id });
  const err = await failure(x.mentionsPage({ userId: emu.agency.id }));
  expect(err).toBeInstanceOf(XRateLimitError);
  const rl = err as XRateLimitError;
  expect(rl.scope).toBe('15min');
  expect(Math.abs(rl.resetAt.getTime() - (Date.now() + 120_000))).toBeLessThan(3000);
  expect(x.rateLimits.mentions!.remaining).toBe(0);

  emu.setLimits({}, 1);
  const m = emu.injectMention({ text: 'a', author: 'b' });
  await x.reply('first', m.id);
  expect(x.rateLimits.post!.day).toMatchObject({ limit: 1, remaining: 0 });
  const day = (await failure(x.reply('second', m.id))) as XRateLimitError;
  expect(day).toBeInstanceOf(XRateLimitError);
  expect(day.scope).toBe('24h');
  expect(day.resetAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
});

test('5xx, 503, dropped connections and timeouts → XTransientError', async () => {
  emu.injectFault({ kind: '5xx', route: 'mentions' });
  const e500 = await failure(x.mentionsPage({ userId: emu.agency.id }));
  expect(e500).toBeInstanceOf(XTransientError);
  expect((e500 as XTransientError).status).toBe(500);

  emu.injectFault({ kind: '503', route: 'post' });
  const m = emu.injectMention({ text: 'a', author: 'b' });
  expect(await failure(x.reply('hello', m.id))).toBeInstanceOf(XTransientError);
  expect(emu.posts()).toHaveLength(0);

  emu.injectFault({ kind: 'drop', route: 'any' });
  const dropped = await failure(x.me());
  expect(dropped).toBeInstanceOf(XTransientError);

  emu.injectFault({ kind: 'latency', ms: 1500, route: 'me' });
  const slow = emu.client({ timeoutMs: 200 });
  const timedOut = await failure(slow.me());
  expect(timedOut).toBeInstanceOf(XTransientError);

  // And nothing is stuck afterwards.
  expect((await x.me()).id).toBe(emu.agency.id);
});

test('connection refused → XTransientError', async () => {
  const closed = await startTestEmulator();
  const c = closed.client();
  await closed.stop();
  expect(await failure(c.me())).toBeInstanceOf(XTransientError);
});

test('401 → XAuthError whose message, stack and JSON hold no token', async () => {
  const secret = 'Zq9-super-secret-oauth2-user-token';
  const bad = emu.client({ auth: { kind: 'oauth2', token: secret } });
  const err = await failure(bad.me());
  expect(err).toBeInstanceOf(XAuthError);
  expect((err as XAuthError).status).toBe(401);
  for (const s of [err.message, String(err.stack), JSON.stringify(err), String(err)])
    expect(s).not.toContain(secret);

  emu.injectFault({ kind: '401', route: 'mentions' });
  expect(await failure(x.mentionsPage({ userId: emu.agency.id }))).toBeInstanceOf(XAuthError);
});

test('OAuth 1.0a credentials work against the emulator (signed for the rewritten URL)', async () => {
  const c = createXClient({
    baseUrl: emu.url,
    auth: {
      kind: 'oauth1',
      appKey: 'app-key-1',
      appSecret: 'app-secret-1',
      accessToken: 'acc-tok-1',
      accessSecret: 'acc-sec-1',
    },
  });
  const m = emu.injectMention({ text: 'hi', author: 'z' });
  expect((await c.me()).username).toBe('Amana_Sandbox');
  expect((await c.mentionsPage({ userId: emu.agency.id })).tweets.map((t) => t.id)).toEqual([m.id]);
});

test('ownTweets finds a posted reply (what crash recovery relies on), across pages and bounded', async () => {
  const since = emu.injectOwnTweet('before the crash').id;
  const mentions = Array.from({ length: 12 }, (_, i) =>
    emu.injectMention({ text: `c${i}`, author: `u${i}` }),
  );
  const posted: Array<{ id: string; to: string }> = [];
  for (const [i, m] of mentions.entries()) posted.push({ ...(await x.reply(`رد رقم ${i}`, m.id)), to: m.id });
  const own = await x.ownTweets({ userId: emu.agency.id, sinceId: since });
  expect(own).toHaveLength(12);
  expect(own.map((t) => t.inReplyToTweetId)).toEqual(posted.map((p) => p.to).reverse());
  expect(own.find((t) => t.id === posted[3]!.id)?.text).toBe('رد رقم 3');
  const bounded = await x.ownTweets({ userId: emu.agency.id, maxResults: 7 });
  expect(bounded).toHaveLength(7);
  expect(bounded[0]!.id).toBe(posted[11]!.id);
});

test('withBackoff retries transient failures only, and waits out a 429 when asked', async () => {
  emu.injectFault({ kind: '5xx', count: 2, route: 'me' });
  const delays: number[] = [];
  const sleep = async (ms: number) => void delays.push(ms);
  const me = await withBackoff(() => x.me(), { retries: 3, baseMs: 100, jitter: false, sleep });
  expect(me.id).toBe(emu.agency.id);
  expect(delays).toEqual([100, 200]);

  emu.injectFault({ kind: '5xx', count: 5, route: 'me' });
  expect(await failure(withBackoff(() => x.me(), { retries: 2, sleep }))).toBeInstanceOf(XTransientError);
  emu.clearFaults();

  const m = emu.injectMention({ text: 'a', author: 'b' });
  await x.reply('same', m.id);
  let calls = 0;
  const dup = await failure(withBackoff(() => (calls++, x.reply('same', m.id)), { sleep }));
  expect(dup).toBeInstanceOf(XDuplicateError);
  expect(calls).toBe(1);

  emu.injectFault({ kind: '429', ms: 30_000, route: 'me' });
  delays.length = 0;
  await withBackoff(() => x.me(), { waitForRateLimitMs: 60_000, sleep });
  expect(delays).toHaveLength(1);
  expect(delays[0]).toBeGreaterThan(25_000);
  expect(delays[0]).toBeLessThan(33_000);
  emu.injectFault({ kind: '429', ms: 30_000, route: 'me' });
  expect(await failure(withBackoff(() => x.me(), { sleep }))).toBeInstanceOf(XRateLimitError);
});
