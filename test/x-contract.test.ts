// The emulator must answer like X: every response it gives is validated against the official
// X API v2 OpenAPI subset (src/x/openapi-subset.json, copied from shared/xapi). If the
// emulator drifts from X's shapes, these fail, and so would our trust in the client tests.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { startTestEmulator, TEST_OAUTH1, type TestEmulator } from './support/emulator';
import { oauth1Signature } from '../src/x/emulator/auth';

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../src/x/openapi-subset.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
});
ajv.addFormat('double', { type: 'number', validate: () => true });
ajv.addSchema(spec, 'xapi');
const schema = (name: string): ValidateFunction => {
  const v = ajv.getSchema(`xapi#/components/schemas/${name}`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
};

function expectValid(name: string, body: unknown): void {
  const v = schema(name);
  const ok = v(body);
  if (!ok) throw new Error(`${name} invalid: ${ajv.errorsText(v.errors)}\n${JSON.stringify(body, null, 1)}`);
}

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  body: Record<string, unknown>;
}

let emu: TestEmulator;
let base: string;

async function call(method: string, p: string, body?: unknown, auth: string | null = `Bearer ${emu.token}`) {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = auth;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + p, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const a: Answer = {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
  // An error body must match the spec's schema for its content type (the `default` response).
  if (a.status >= 400)
    expectValid(a.type.startsWith('application/problem+json') ? 'Problem' : 'Error', a.body);
  expect(a.type).toMatch(/^application\/(problem\+)?json/);
  return a;
}

function expectRateHeaders(a: Answer, limit: number): void {
  const n = (h: string) => Number(a.headers.get(h));
  expect(n('x-rate-limit-limit')).toBe(limit);
  expect(n('x-rate-limit-remaining')).toBeGreaterThanOrEqual(0);
  expect(n('x-rate-limit-remaining')).toBeLessThan(limit);
  const reset = n('x-rate-limit-reset');
  expect(Number.isInteger(reset)).toBe(true);
  expect(reset * 1000).toBeGreaterThan(Date.now());
  expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 15 * 60 * 1000 + 1000);
}

const ALL_FIELDS =
  'tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,entities,reply_settings,possibly_sensitive' +
  '&user.fields=created_at,description,protected,verified&expansions=author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id';

beforeAll(async () => {
  emu = await startTestEmulator();
  base = emu.url;
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

test('GET /2/users/me matches Get2UsersMeResponse, with and without user.fields', async () => {
  const plain = await call('GET', '/2/users/me');
  expect(plain.status).toBe(200);
  expectValid('Get2UsersMeResponse', plain.body);
  expect(plain.body).toEqual({
    data: { id: emu.agency.id, name: emu.agency.name, username: 'Amana_Sandbox' },
  });
  expectRateHeaders(plain, 75);

  const rich = await call('GET', '/2/users/me?user.fields=created_at,description,protected,verified');
  expectValid('Get2UsersMeResponse', rich.body);
  expect(rich.body.data).toMatchObject({ protected: false, verified: false });
  expect(typeof (rich.body.data as { created_at: string }).created_at).toBe('string');
});

test('mention pages (replies, retweets, emoji, hashtags, all expansions) match Get2UsersIdMentionsResponse', async () => {
  const first = emu.injectMention({
    text: '😀 الشارع فيه #حفرة كبيرة',
    author: 'citizen_1',
    authorName: 'مواطن',
  });
  emu.injectMention({ text: 'any update?', author: 'citizen_2', inReplyToId: first.id });
  emu.injectMention({ text: 'please fix', author: 'citizen_3', isRetweet: true });
  emu.injectOwnTweet('we are on it');
  for (let i = 0; i < 8; i++) emu.injectMention({ text: `complaint ${i}`, author: `user_${i}` });

  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const a = await call(
      'GET',
      `/2/users/${emu.agency.id}/mentions?max_results=5&${ALL_FIELDS}` +
        (token ? `&pagination_token=${token}` : ''),
    );
    expect(a.status).toBe(200);
    expectValid('Get2UsersIdMentionsResponse', a.body);
    expectRateHeaders(a, 300);
    const data = a.body.data as Array<{ id: string; author_id: string }>;
    const meta = a.body.meta as {
      result_count: number;
      newest_id: string;
      oldest_id: string;
      next_token?: string;
    };
    expect(meta.result_count).toBe(data.length);
    expect(meta.newest_id).toBe(data[0]!.id);
    expect(meta.oldest_id).toBe(data[data.length - 1]!.id);
    const users = (a.body.includes as { users: Array<{ id: string }> }).users.map((u) => u.id);
    for (const t of data) expect(users).toContain(t.author_id);
    seen.push(...data.map((t) => t.id));
    token = meta.next_token;
    pages++;
  } while (token);
  expect(pages).toBe(3);
  expect(seen).toHaveLength(13); // 11 injected mentions + the retweeted original + the own tweet
  const sorted = [...seen].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
  expect(seen).toEqual(sorted);
});

test('an empty page is exactly X’s {"meta":{"result_count":0}}', async () => {
  const t = emu.injectMention({ text: 'hello', author: 'someone' });
  const a = await call('GET', `/2/users/${emu.agency.id}/mentions?since_id=${t.id}&${ALL_FIELDS}`);
  expect(a.status).toBe(200);
  expectValid('Get2UsersIdMentionsResponse', a.body);
  expect(a.body).toEqual({ meta: { result_count: 0 } });
});

test('mentions of an unknown user: 200 with a resource-not-found problem, as X does', async () => {
  const a = await call('GET', '/2/users/999/mentions');
  expect(a.status).toBe(200);
  expectValid('Get2UsersIdMentionsResponse', a.body);
  expect((a.body.errors as Array<{ type: string }>)[0]!.type).toBe(
    'https://api.twitter.com/2/problems/resource-not-found',
  );
});

test('own timeline items match the Tweet schema', async () => {
  const m = emu.injectMention({ text: 'the light is out', author: 'citizen' });
  emu.injectOwnTweet('announcement');
  const created = await call('POST', '/2/tweets', {
    text: 'شكرا لك، رقم البلاغ AM-1',
    reply: { in_reply_to_tweet_id: m.id },
  });
  expect(created.status).toBe(201);
  const a = await call('GET', `/2/users/${emu.agency.id}/tweets?max_results=5&${ALL_FIELDS}`);
  expect(a.status).toBe(200);
  expectRateHeaders(a, 900);
  const data = a.body.data as unknown[];
  expect(data).toHaveLength(2);
  for (const t of data) expectValid('Tweet', t);
  expectValid('Get2UsersIdTweetsResponse', a.body);
  expect(data[0]).toMatchObject({
    in_reply_to_user_id: (a.body.includes as { users: Array<{ id: string; username: string }> }).users.find(
      (u) => u.username === 'citizen',
    )!.id,
    referenced_tweets: [{ type: 'replied_to', id: m.id }],
    conversation_id: m.id,
  });
});

test('POST /2/tweets: request and 201 response match the spec; duplicate → X’s exact 403', async () => {
  const m = emu.injectMention({ text: 'pothole', author: 'citizen' });
  const req = { text: 'تم استلام بلاغك AM-2611-0001', reply: { in_reply_to_tweet_id: m.id } };
  expectValid('TweetCreateRequest', req);
  const ok = await call('POST', '/2/tweets', req);
  expect(ok.status).toBe(201);
  expectValid('TweetCreateResponse', ok.body);
  expect((ok.body.data as { text: string }).text).toBe(req.text);
  expectRateHeaders(ok, 100);

  const dup = await call('POST', '/2/tweets', req);
  expect(dup.status).toBe(403);
  expect(dup.type).toMatch(/^application\/problem\+json/);
  expect(dup.body).toEqual({
    detail: 'You are not allowed to create a Tweet with duplicate content.',
    type: 'about:blank',
    title: 'Forbidden',
    status: 403,
  });
});

test('replies X refuses: deleted target and restricted replies are 403 problems', async () => {
  const gone = emu.injectMention({ text: 'x', author: 'a_user' });
  emu.deleteTweet(gone.id);
  const a = await call('POST', '/2/tweets', { text: 'reply 1', reply: { in_reply_to_tweet_id: gone.id } });
  expect(a.status).toBe(403);
  expect(a.body.detail).toBe('You attempted to reply to a Tweet that is deleted or not visible to you.');

  const unknown = await call('POST', '/2/tweets', { text: 'reply 2', reply: { in_reply_to_tweet_id: '42' } });
  expect(unknown.status).toBe(403);

  const locked = emu.injectMention({ text: 'y', author: 'b_user', repliesRestricted: true });
  const b = await call('POST', '/2/tweets', { text: 'reply 3', reply: { in_reply_to_tweet_id: locked.id } });
  expect(b.status).toBe(403);
  expect(b.body.detail).toMatch(
    /^Reply to this conversation is not allowed because you have not been mentioned/,
  );
  expect(emu.posts()).toHaveLength(0);
});

test('400s are X invalid-request problems: max_results, unknown parameter, too-long text', async () => {
  for (const bad of ['1', '101', 'ten']) {
    const a = await call('GET', `/2/users/${emu.agency.id}/mentions?max_results=${bad}`);
    expect(a.status).toBe(400);
    expect(a.body.type).toBe('https://api.twitter.com/2/problems/invalid-request');
    expect((a.body.errors as Array<{ message: string }>)[0]!.message).toBe(
      `The \`max_results\` query parameter value [${bad}] is not between 5 and 100`,
    );
  }
  const unknown = await call('GET', `/2/users/${emu.agency.id}/mentions?bogus=1`);
  expect(unknown.status).toBe(400);
  // 280 Arabic letters fit (weight 1 each); 281 do not. Each URL counts 23.
  const fits = await call('POST', '/2/tweets', { text: 'ب'.repeat(280) });
  expect(fits.status).toBe(201);
  const long = await call('POST', '/2/tweets', { text: 'ب'.repeat(281) });
  expect(long.status).toBe(400);
  expect((long.body.errors as Array<{ message: string }>)[0]!.message).toMatch(
    /^Your Tweet text is too long/,
  );
  const cjk = await call('POST', '/2/tweets', { text: '漢'.repeat(141) }); // CJK weighs 2
  expect(cjk.status).toBe(400);
});

test('401 without or with a wrong token; OAuth 1.0a signatures, timestamps and nonces are verified', async () => {
  const none = await call('GET', '/2/users/me', undefined, null);
  expect(none.status).toBe(401);
  expect(none.body).toEqual({
    title: 'Unauthorized',
    detail: 'Unauthorized',
    type: 'about:blank',
    status: 401,
  });
  const wrong = await call('GET', '/2/users/me', undefined, 'Bearer not-the-token');
  expect(wrong.status).toBe(401);
  // A well-formed header is not enough: the signature, timestamp and nonce are checked.
  const garbage = await call(
    'GET',
    '/2/users/me',
    undefined,
    'OAuth oauth_consumer_key="k", oauth_nonce="n", oauth_signature="s%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1", oauth_token="t", oauth_version="1.0"',
  );
  expect(garbage.status).toBe(401);
  const url = `${base}/2/users/me`;
  expect((await call('GET', '/2/users/me', undefined, signed('GET', url, 'n-1'))).status).toBe(200);
  // The same nonce again is a replay.
  expect((await call('GET', '/2/users/me', undefined, signed('GET', url, 'n-1'))).status).toBe(401);
  // Signed with the wrong secret, or ten minutes old: refused.
  expect(
    (await call('GET', '/2/users/me', undefined, signed('GET', url, 'n-2', { secret: 'x' }))).status,
  ).toBe(401);
  const old = Math.floor(Date.now() / 1000) - 600;
  expect((await call('GET', '/2/users/me', undefined, signed('GET', url, 'n-3', { ts: old }))).status).toBe(
    401,
  );
  // Query parameters are part of what is signed.
  const q = `${base}/2/users/me?user.fields=created_at`;
  const good = signed('GET', url, 'n-4', { query: [['user.fields', 'created_at']] });
  expect((await call('GET', '/2/users/me?user.fields=created_at', undefined, good)).status).toBe(200);
  expect(
    (
      await call(
        'GET',
        '/2/users/me?user.fields=protected',
        undefined,
        signed('GET', url, 'n-5', { query: [['user.fields', 'created_at']] }),
      )
    ).status,
  ).toBe(401);
  expect(q).toContain('created_at');
});

/** An OAuth 1.0a header for TEST_OAUTH1, signed as RFC 5849 says. */
function signed(
  method: string,
  url: string,
  nonce: string,
  o: { secret?: string; ts?: number; query?: Array<[string, string]> } = {},
): string {
  const ts = String(o.ts ?? Math.floor(Date.now() / 1000));
  const params: Array<[string, string]> = [
    ['oauth_consumer_key', TEST_OAUTH1.consumerKey],
    ['oauth_nonce', nonce],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', ts],
    ['oauth_token', TEST_OAUTH1.accessToken],
    ['oauth_version', '1.0'],
  ];
  const sig = oauth1Signature(
    method,
    url,
    [...params, ...(o.query ?? [])],
    o.secret ?? TEST_OAUTH1.consumerSecret,
    TEST_OAUTH1.accessSecret,
  );
  return (
    'OAuth ' +
    [...params, ['oauth_signature', sig] as [string, string]]
      .map(([k, v]) => `${k}="${encodeURIComponent(v)}"`)
      .join(', ')
  );
}

test('429 after the window is used up, with X’s body and an exhausted window in the headers', async () => {
  emu.setLimits({ mentions: { limit: 2, windowMs: 60_000 } });
  const p = `/2/users/${emu.agency.id}/mentions`;
  expect((await call('GET', p)).status).toBe(200);
  const second = await call('GET', p);
  expect(second.headers.get('x-rate-limit-remaining')).toBe('0');
  const third = await call('GET', p);
  expect(third.status).toBe(429);
  expect(third.body).toEqual({
    title: 'Too Many Requests',
    detail: 'Too Many Requests',
    type: 'about:blank',
    status: 429,
  });
  expect(third.headers.get('x-rate-limit-limit')).toBe('2');
  expect(third.headers.get('x-rate-limit-remaining')).toBe('0');
  expect(Number(third.headers.get('x-rate-limit-reset')) * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
  // Other endpoints keep their own windows.
  expect((await call('GET', '/2/users/me')).status).toBe(200);
});

test('24-hour posting cap: x-user-limit-24hour-* headers, 429 when spent', async () => {
  emu.setLimits({}, 2);
  const m = emu.injectMention({ text: 'a', author: 'c' });
  const one = await call('POST', '/2/tweets', { text: 'one', reply: { in_reply_to_tweet_id: m.id } });
  expect(one.headers.get('x-user-limit-24hour-limit')).toBe('2');
  expect(one.headers.get('x-user-limit-24hour-remaining')).toBe('1');
  await call('POST', '/2/tweets', { text: 'two' });
  const three = await call('POST', '/2/tweets', { text: 'three' });
  expect(three.status).toBe(429);
  expect(three.headers.get('x-user-limit-24hour-remaining')).toBe('0');
  expect(Number(three.headers.get('x-rate-limit-remaining'))).toBeGreaterThan(0);
  expect(Number(three.headers.get('x-user-limit-24hour-reset')) * 1000).toBeGreaterThan(
    Date.now() + 23 * 3600_000,
  );
});

test('injected 500 / 503 / 401 / 429 faults answer with valid problem bodies, then recover', async () => {
  const p = `/2/users/${emu.agency.id}/mentions`;
  for (const [kind, status] of [
    ['5xx', 500],
    ['503', 503],
    ['401', 401],
    ['429', 429],
  ] as const) {
    emu.injectFault({ kind, route: 'mentions' });
    const a = await call('GET', p);
    expect(a.status).toBe(status);
    expect(a.body.status).toBe(status);
  }
  expect((await call('GET', p)).status).toBe(200);
});

test('ids are 19-digit strings, strictly increasing as BigInt', () => {
  let last = 0n;
  for (let i = 0; i < 500; i++) {
    const t = emu.injectMention({ text: `t${i}`, author: 'fast' });
    expect(t.id).toMatch(/^[0-9]{19}$/);
    expect(BigInt(t.id) > last).toBe(true);
    last = BigInt(t.id);
  }
});

test('the validator itself catches drift (so a passing contract means something)', () => {
  const bad: Array<[string, unknown]> = [
    ['Tweet', { id: 1346889436626259968, text: 'number id' }],
    ['Tweet', { id: 'abc', text: 'not digits' }],
    ['Tweet', { id: '1', text: 't', referenced_tweets: [{ type: 'reposted', id: '2' }] }],
    ['Tweet', { id: '1', text: 't', entities: { mentions: [{ start: 0, end: 3 }] } }],
    ['Get2UsersIdMentionsResponse', { data: [], meta: { result_count: 0 } }],
    [
      'Get2UsersIdMentionsResponse',
      { data: [{ id: '1', text: 't' }], includes: { users: [{ id: '2', name: 'n' }] } },
    ],
    ['Get2UsersMeResponse', { data: { id: '1', name: 'n', username: 'has space' } }],
    ['TweetCreateResponse', { data: { id: '1' } }],
    ['Problem', { detail: 'no title or type' }],
  ];
  for (const [name, body] of bad) expect(schema(name)(body)).toBe(false);
});

const RICH_FIELDS =
  'tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,note_tweet,edit_history_tweet_ids,entities,attachments,geo' +
  '&expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id,attachments.media_keys,geo.place_id' +
  '&media.fields=type,url,preview_image_url,alt_text&place.fields=full_name,name,country,country_code,geo,place_type';

test('long posts, edits, quotes (one deleted), media and places match Get2UsersIdMentionsResponse', async () => {
  const quoted = emu.injectMention({ text: 'الأصل & <النص>', author: 'orig_c' });
  const gone = emu.injectMention({ text: 'سيحذف', author: 'gone_c' });
  const long = emu.injectMention({
    text: 'نص طويل عن الشارع '.repeat(25),
    author: 'long_c',
    quoteOfId: quoted.id,
    media: [{ type: 'photo', altText: 'صورة' }, { type: 'animated_gif' }],
    place: { fullName: 'حي الورود، الرياض' },
    coordinates: [46.67, 24.71],
  });
  emu.editTweet(long.id, 'نص طويل معدل عن الشارع '.repeat(25));
  emu.injectMention({ text: 'انظر', author: 'q_gone', quoteOfId: gone.id });
  emu.deleteTweet(gone.id);
  const a = await call('GET', `/2/users/${emu.agency.id}/mentions?max_results=10&${RICH_FIELDS}`);
  expect(a.status).toBe(200);
  expectValid('Get2UsersIdMentionsResponse', a.body);
  const data = a.body.data as Array<Record<string, unknown>>;
  const edited = data.find((t) => (t.edit_history_tweet_ids as string[]).length === 2)!;
  expect(edited.note_tweet).toBeDefined();
  expect((edited.attachments as { media_keys: string[] }).media_keys).toHaveLength(2);
  const inc = a.body.includes as Record<string, Array<Record<string, unknown>>>;
  for (const m of inc.media!) expectValid('Media', m);
  for (const p of inc.places!) expectValid('Place', p);
  expect(inc.tweets!.map((t) => t.text)).toContain(`@${emu.agency.username} الأصل &amp; &lt;النص&gt;`);
  expect((a.body.errors as Array<{ type: string }>)[0]!.type).toBe(
    'https://api.twitter.com/2/problems/resource-not-found',
  );
});

test('caps and refusals are problems of the spec: UsageCapExceeded, 402, unsupported authentication, unknown field value', async () => {
  const m = emu.injectMention({ text: 'x', author: 'caps_c' });
  emu.setBudget({ monthlyCapExceeded: true });
  const capped = await call('GET', `/2/users/${emu.agency.id}/mentions`);
  expect(capped.status).toBe(429);
  expectValid('UsageCapExceededProblem', capped.body);
  expect(Number(capped.headers.get('x-rate-limit-remaining'))).toBeGreaterThan(0);
  emu.setBudget({ monthlyCapExceeded: false, paymentRequired: true });
  expect(
    (await call('POST', '/2/tweets', { text: 'رد', reply: { in_reply_to_tweet_id: m.id } })).status,
  ).toBe(402);
  emu.setBudget({ paymentRequired: false });
  const bad = await call('GET', `/2/users/${emu.agency.id}/mentions?tweet.fields=note_post`);
  expect(bad.status).toBe(400);
  expectValid('InvalidRequestProblem', bad.body);
  const app = await startTestEmulator({ appBearer: 'app-only' });
  try {
    const r = await fetch(`${app.url}/2/users/me`, { headers: { authorization: 'Bearer app-only' } });
    expect(r.status).toBe(403);
    const body = (await r.json()) as { type: string };
    expectValid('Problem', body);
    expect(body.type).toBe('https://api.twitter.com/2/problems/unsupported-authentication');
  } finally {
    await app.stop();
  }
});
