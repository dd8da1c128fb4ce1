// What real X does that a naive client gets wrong, over real HTTP against the strict emulator:
// long posts, edits, quotes, media, places, HTML entities, both field namings, app-only
// tokens, 403 wordings, caps, and OAuth 2.0 refresh. No part of the client is mocked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  XAuthError,
  XBadRequestError,
  XBudgetError,
  XReplyNotAllowedError,
  createXClient,
  type XClient,
} from '../src/x';
import { createOAuth2TokenSource, exchangeCode, pkceConsent, type OAuth2Tokens } from '../src/x/oauth2';
import { startTestEmulator, type TestEmulator } from './support/emulator';
import { quietLog } from './support/db';

let emu: TestEmulator;
let x: XClient;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => {
  emu.reset();
  emu.setBudget({ monthlyCapExceeded: false, paymentRequired: false, appDailyPostCap: null });
  x = emu.client();
});

const failure = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
};

const LONG_HEAD = 'الشارع الرئيسي في حي النرجس يحتاج إلى صيانة عامة والأرصفة متكسرة من فترة طويلة '.repeat(4);
const URGENT_TAIL = 'وفيه سلك كهرباء مكشوف على الرصيف والأطفال يمرون عنده';

test('a long post: the full text comes from note_tweet; without asking, X sends only the cut text', async () => {
  const full = `${LONG_HEAD}${URGENT_TAIL}`;
  const t = emu.injectMention({ text: full, author: 'long_author' });
  const page = await x.mentionsPage({ userId: emu.agency.id });
  const got = page.tweets.find((m) => m.id === t.id)!;
  expect(got.long).toBe(true);
  expect(got.text).toBe(t.text);
  expect(got.text).toContain(URGENT_TAIL);
  // The same post fetched without note_tweet: cut before the tail (what the old client saw).
  const raw = (await (
    await fetch(`${emu.url}/2/users/${emu.agency.id}/mentions?tweet.fields=author_id`, {
      headers: { authorization: `Bearer ${emu.token}` },
    })
  ).json()) as { data: Array<{ id: string; text: string; note_tweet?: unknown }> };
  const cut = raw.data.find((d) => d.id === t.id)!;
  expect(cut.note_tweet).toBeUndefined();
  expect(cut.text).not.toContain(URGENT_TAIL);
  expect([...cut.text].length).toBeLessThanOrEqual(271);
});

test('X escapes & < > in text; the client decodes exactly those three', async () => {
  const t = emu.injectMention({
    text: 'الماء & الكهرباء <مقطوعة> منذ يومين، كتبت &amp; حرفيًا',
    author: 'amp_user',
  });
  const raw = (await (
    await fetch(`${emu.url}/2/users/${emu.agency.id}/mentions`, {
      headers: { authorization: `Bearer ${emu.token}` },
    })
  ).json()) as { data: Array<{ text: string }> };
  expect(raw.data[0]!.text).toContain('&amp; الكهرباء &lt;مقطوعة&gt;');
  const got = (await x.mentionsPage({ userId: emu.agency.id })).tweets[0]!;
  expect(got.id).toBe(t.id);
  expect(got.text).toBe(t.text); // including the literal "&amp;" the citizen typed
});

test('quotes, edits, media and places are read from the post and its includes', async () => {
  const quoted = emu.injectMention({ text: 'الحفرة هذي صار لها شهر', author: 'first_citizen' });
  const q = emu.injectMention({
    text: 'شوفوا هذا',
    author: 'second_citizen',
    quoteOfId: quoted.id,
    media: [{ type: 'photo', altText: 'حفرة كبيرة' }, { type: 'video' }],
    place: { fullName: 'حي النرجس، الرياض' },
  });
  const edited = emu.editTweet(q.id, 'شوفوا هذا البلاغ لو سمحتم');
  const page = await x.mentionsPage({ userId: emu.agency.id });
  // Timelines show the newest version only.
  expect(page.tweets.map((t) => t.id)).not.toContain(q.id);
  const got = page.tweets.find((t) => t.id === edited.id)!;
  expect(got.editHistory).toEqual([q.id, edited.id]);
  expect(got.quoted).toMatchObject({ id: quoted.id, text: quoted.text, authorUsername: 'first_citizen' });
  expect(got.media).toHaveLength(2);
  expect(got.media![0]).toMatchObject({ type: 'photo', altText: 'حفرة كبيرة' });
  expect(got.media![0]!.url).toMatch(/^https:\/\/pbs\.twimg\.com\/media\//);
  expect(got.media![1]!.url).toMatch(/^https:\/\/pbs\.twimg\.com\/ext_tw_video_thumb\//);
  expect(got.place).toMatchObject({ fullName: 'حي النرجس، الرياض', countryCode: 'SA' });
  expect(got.place!.bbox).toHaveLength(4);
});

test('a quoted post that is deleted or whose author is protected has no text, and breaks nothing', async () => {
  const gone = emu.injectMention({ text: 'سيحذف', author: 'deleter' });
  const locked = emu.injectMention({ text: 'حساب مقفل', author: 'locked_one' });
  const a = emu.injectMention({ text: 'انظروا', author: 'quoter_a', quoteOfId: gone.id });
  const b = emu.injectMention({ text: 'وهذا', author: 'quoter_b', quoteOfId: locked.id });
  emu.deleteTweet(gone.id);
  emu.injectMention({ text: 'ما زال مقفلًا', author: 'locked_one', authorProtected: true });
  const page = await x.mentionsPage({ userId: emu.agency.id });
  const ids = page.tweets.map((t) => t.id);
  expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
  expect(ids).not.toContain(locked.id); // protected author: not in our timeline either
  expect(page.tweets.find((t) => t.id === a.id)!.quoted).toEqual({ id: gone.id });
  expect(page.tweets.find((t) => t.id === b.id)!.quoted).toEqual({ id: locked.id });
});

test('field names: an X that only knows post.fields (OpenAPI 2.167) is answered after one 400, then directly', async () => {
  const post = await startTestEmulator({ naming: 'post' });
  const warnings: string[] = [];
  const log = Object.create(quietLog) as typeof quietLog;
  log.warn = ((m: string) => (warnings.push(m), log)) as typeof log.warn;
  try {
    const c = post.client({ log });
    const quoted = post.injectMention({ text: 'الأصل', author: 'orig' });
    const long = post.injectMention({
      text: `${LONG_HEAD}${URGENT_TAIL}`,
      author: 'poster',
      quoteOfId: quoted.id,
    });
    const first = await c.mentionsPage({ userId: post.agency.id });
    const got = first.tweets.find((t) => t.id === long.id)!;
    expect(got.text).toContain(URGENT_TAIL); // from note_post
    expect(got.authorUsername).toBe('poster');
    expect(got.quoted?.text).toBe(quoted.text); // referenced_posts + includes.posts
    const mentionCalls = () =>
      post
        .requests()
        .filter((r) => r.endpoint === 'mentions')
        .map((r) => r.status);
    expect(mentionCalls()).toEqual([400, 200]);
    await c.mentionsPage({ userId: post.agency.id });
    expect(mentionCalls()).toEqual([400, 200, 200]); // remembered
    expect(warnings.filter((w) => w.includes('post.fields'))).toHaveLength(1); // logged once
  } finally {
    await post.stop();
  }
});

test('X refuses unknown field values and unknown body keys with a 400, as its schema says', async () => {
  const auth = { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' };
  const r1 = await fetch(`${emu.url}/2/users/${emu.agency.id}/mentions?tweet.fields=note_post`, {
    headers: auth,
  });
  expect(r1.status).toBe(400);
  expect(JSON.stringify(await r1.json())).toContain('[note_post] is not one of');
  const m = emu.injectMention({ text: 'x', author: 'body_keys' });
  const r2 = await fetch(`${emu.url}/2/tweets`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ text: 'رد', reply: { in_reply_to_tweet_id: m.id }, extra: 1 }),
  });
  expect(r2.status).toBe(400);
  const r3 = await fetch(`${emu.url}/2/tweets`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ text: 'رد', reply: { in_reply_to_tweet_id: m.id, tweet_id: m.id } }),
  });
  expect(r3.status).toBe(400);
  expect(emu.posts()).toHaveLength(0);
});

test('an app-only bearer token: mentions work, /2/users/me and posting are 403 and count as our credentials', async () => {
  const app = await startTestEmulator({ appBearer: 'AAAA-app-only-bearer' });
  try {
    const c = app.client({ auth: { kind: 'oauth2', token: 'AAAA-app-only-bearer' } });
    const m = app.injectMention({ text: 'مرحبا', author: 'app_only' });
    expect((await c.mentionsPage({ userId: app.agency.id })).tweets).toHaveLength(1);
    const e1 = await failure(c.me());
    expect(e1).toBeInstanceOf(XAuthError);
    expect((e1 as XAuthError).status).toBe(403);
    const e2 = await failure(c.reply('رد', m.id));
    expect(e2).toBeInstanceOf(XAuthError);
    expect(e2.message).toMatch(/Application-Only is forbidden/);
  } finally {
    await app.stop();
  }
});

test('a 403 on one post with a wording we do not know refuses that post only; suspension stops posting', async () => {
  const odd = emu.injectMention({
    text: 'a',
    author: 'odd_403',
    replyRefusal: 'You can only reply to or quote posts where you are mentioned or are the author.',
  });
  const e1 = await failure(x.reply('رد 1', odd.id));
  expect(e1).toBeInstanceOf(XReplyNotAllowedError);
  expect((e1 as XReplyNotAllowedError).reason).toBe('restricted');
  const novel = emu.injectMention({
    text: 'b',
    author: 'novel_403',
    replyRefusal: 'A brand-new reason X invented today.',
  });
  const e2 = await failure(x.reply('رد 2', novel.id));
  expect(e2).toBeInstanceOf(XReplyNotAllowedError);
  expect((e2 as XReplyNotAllowedError).reason).toBe('refused');
  expect((e2 as XReplyNotAllowedError).knownWording).toBe(false);
  expect((e2 as XReplyNotAllowedError).problem).toContain('brand-new reason');
  const susp = emu.injectMention({
    text: 'c',
    author: 'suspended_app',
    replyRefusal: { detail: 'Your account is suspended and is not permitted to access this feature.' },
  });
  expect(await failure(x.reply('رد 3', susp.id))).toBeInstanceOf(XAuthError);
  const enrolled = emu.injectMention({
    text: 'd',
    author: 'not_enrolled',
    replyRefusal: {
      title: 'Client Forbidden',
      detail:
        'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
      type: 'https://api.twitter.com/2/problems/client-forbidden',
    },
  });
  expect(await failure(x.reply('رد 4', enrolled.id))).toBeInstanceOf(XAuthError);
});

test('caps: UsageCapExceeded (window not spent), the app 24-hour cap and 402 are XBudgetError, not a 15-minute wait', async () => {
  const m = emu.injectMention({ text: 'x', author: 'capped' });
  emu.setBudget({ monthlyCapExceeded: true });
  const e1 = (await failure(x.mentionsPage({ userId: emu.agency.id }))) as XBudgetError;
  expect(e1).toBeInstanceOf(XBudgetError);
  expect(e1.why).toBe('monthly-cap');
  expect(e1.rateLimit!.remaining).toBeGreaterThan(100);
  emu.setBudget({ monthlyCapExceeded: false, paymentRequired: true });
  const e2 = (await failure(x.reply('رد', m.id))) as XBudgetError;
  expect(e2.why).toBe('payment');
  emu.setBudget({ paymentRequired: false, appDailyPostCap: 1 });
  await x.reply('رد أول', m.id);
  expect(x.rateLimits.post!.appDay).toMatchObject({ limit: 1, remaining: 0 });
  const e3 = (await failure(x.reply('رد ثان', m.id))) as XBudgetError;
  expect(e3.why).toBe('app-24h');
  expect(e3.resetAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
});

test('OAuth 2.0: an expired access token is refreshed, the rotated pair saved; the old refresh token is dead', async () => {
  const o2 = await startTestEmulator({
    oauth1: undefined,
    oauth2: { clientId: 'client-1', accessTtlMs: 3600_000, refreshToken: 'first-refresh-token' },
  });
  try {
    let saved: OAuth2Tokens | undefined;
    const saves: OAuth2Tokens[] = [];
    const tokens = createOAuth2TokenSource({
      app: { baseUrl: o2.url, clientId: 'client-1' },
      store: { load: async () => saved, save: async (t) => void saves.push((saved = t)) },
      initialRefreshToken: 'first-refresh-token',
    });
    const c = createXClient({ baseUrl: o2.url, auth: { kind: 'oauth2-refresh', tokens } });
    // Two calls at once share one refresh (a refresh token works once).
    await Promise.all([c.me(), c.me()]);
    expect(saves).toHaveLength(1);
    o2.expireAccessTokens(); // X says 401 to it now
    expect((await c.me()).username).toBe(o2.agency.username);
    expect(saves).toHaveLength(2);
    expect(saves[1]!.refreshToken).not.toBe(saves[0]!.refreshToken);
    // The first refresh token was rotated away: X refuses it.
    const res = await fetch(`${o2.url}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'first-refresh-token',
        client_id: 'client-1',
      }),
    });
    expect(res.status).toBe(400);
    // A token close to expiry is refreshed before use, with no 401 at all.
    saved = { ...saved!, expiresAt: new Date(Date.now() + 60_000).toISOString() };
    const fresh = createOAuth2TokenSource({
      app: { baseUrl: o2.url, clientId: 'client-1' },
      store: { load: async () => saved, save: async (t) => void saves.push((saved = t)) },
    });
    const before = o2.requests().filter((r) => r.status === 401).length;
    await createXClient({ baseUrl: o2.url, auth: { kind: 'oauth2-refresh', tokens: fresh } }).me();
    expect(o2.requests().filter((r) => r.status === 401).length).toBe(before);
    expect(saves).toHaveLength(3);
  } finally {
    await o2.stop();
  }
});

test('PKCE consent: the URL asks for offline.access with an S256 challenge; the pasted redirect is exchanged', async () => {
  const o2 = await startTestEmulator({
    oauth1: undefined,
    oauth2: { clientId: 'client-2', clientSecret: 'shh-secret' },
  });
  try {
    const redirectUri = 'http://127.0.0.1:8723/callback';
    const consent = pkceConsent({
      authorizeUrl: `${o2.url}/i/oauth2/authorize`,
      clientId: 'client-2',
      redirectUri,
    });
    const u = new URL(consent.url);
    expect(u.searchParams.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining(['offline.access', 'tweet.write']),
    );
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    const r = await fetch(consent.url, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const back = r.headers.get('location')!;
    const app = { baseUrl: o2.url, clientId: 'client-2', clientSecret: 'shh-secret' };
    // A redirect with someone else's state is refused.
    const foreign = back.replace(/state=[^&]+/, 'state=other');
    expect(
      await failure(
        exchangeCode(app, { input: foreign, verifier: consent.verifier, state: consent.state, redirectUri }),
      ),
    ).toBeInstanceOf(XAuthError);
    const t = await exchangeCode(app, {
      input: back,
      verifier: consent.verifier,
      state: consent.state,
      redirectUri,
    });
    expect(t.refreshToken).toBeTruthy();
    const c = createXClient({ baseUrl: o2.url, auth: { kind: 'oauth2', token: t.accessToken! } });
    expect((await c.me()).username).toBe(o2.agency.username);
  } finally {
    await o2.stop();
  }
});

test('a 400 for another reason is not mistaken for a field-name problem', async () => {
  // A server that always answers 400 about max_results: one request, no retry.
  let calls = 0;
  const server = http.createServer((_req, res) => {
    calls++;
    res.writeHead(400, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        errors: [{ message: 'The `max_results` query parameter value [1] is not between 5 and 100' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const c = createXClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { kind: 'oauth2', token: 'tok' },
    });
    expect(await failure(c.mentionsPage({ userId: '42' }))).toBeInstanceOf(XBadRequestError);
    expect(calls).toBe(1);
  } finally {
    server.close();
  }
});

test('an X that lacks one field value or parameter: that one is dropped (logged once), the rest still asked for', async () => {
  // A fake X that knows neither tweet.fields=geo nor place.fields, answering as X words it.
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    seen.push(q.toString());
    const problem = (message: string) => {
      res.writeHead(400, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          errors: [{ message }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        }),
      );
    };
    if (q.has('place.fields'))
      return problem('The query parameter [place.fields] is not one of [tweet.fields,expansions]');
    if (q.get('tweet.fields')?.split(',').includes('geo'))
      return problem(
        'The `tweet.fields` query parameter value [geo] is not one of [author_id,note_tweet,text]',
      );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        data: [
          { id: '1800000000000000009', text: 'ok', author_id: '11', note_tweet: { text: 'ok, in full' } },
        ],
        meta: { result_count: 1, newest_id: '1800000000000000009', oldest_id: '1800000000000000009' },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const warnings: string[] = [];
  const log = Object.create(quietLog) as typeof quietLog;
  log.warn = ((m: string) => (warnings.push(m), log)) as typeof log.warn;
  try {
    const c = createXClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { kind: 'oauth2', token: 'tok' },
      log,
    });
    const page = await c.mentionsPage({ userId: '42' });
    expect(page.tweets[0]!.text).toBe('ok, in full');
    const last = new URLSearchParams(seen.at(-1)!);
    expect(last.get('tweet.fields')!.split(',')).toEqual(
      expect.arrayContaining(['note_tweet', 'edit_history_tweet_ids']),
    );
    expect(last.get('tweet.fields')!.split(',')).not.toContain('geo');
    expect(last.has('place.fields')).toBe(false);
    const n = seen.length;
    await c.mentionsPage({ userId: '42' });
    expect(seen.length).toBe(n + 1); // learned: straight to what works
    expect(warnings).toHaveLength(2);
  } finally {
    server.close();
  }
});
