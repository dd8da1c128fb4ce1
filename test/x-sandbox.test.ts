// The emulator driven from "another process": its /admin HTTP API through connectEmulator,
// and `mujib sandbox inject`, both over real HTTP.
import { Command } from 'commander';
import { registerSandbox } from '../src/cli/commands/sandbox';
import { connectEmulator } from '../src/x/emulator';
import { startTestEmulator, type TestEmulator } from './support/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ token: 'admin-test-token' });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

test('the admin HTTP API injects, faults, limits, lists posts and resets', async () => {
  const remote = connectEmulator(emu.url, emu.token);
  const m = await remote.injectMention({
    text: 'إنارة الشارع طافية',
    author: 'citizen9',
    createdAt: new Date('2026-01-01T10:00:00Z'),
  });
  expect(m.text).toBe('@Amana_Sandbox إنارة الشارع طافية');
  expect(m.createdAt).toEqual(new Date('2026-01-01T10:00:00Z'));
  const own = await remote.injectOwnTweet('@Amana_Sandbox تنبيه');
  expect(own.authorId).toBe(emu.agency.id);
  expect(own.text).toBe('@Amana_Sandbox تنبيه'); // not prefixed twice

  const x = emu.client();
  await remote.injectFault({ kind: '503', route: 'post' });
  await expect(x.reply('ack', m.id)).rejects.toThrow(/503/);
  await x.reply('ack', m.id);
  const posts = await remote.posts();
  expect(posts).toEqual([
    { id: expect.any(String), text: 'ack', inReplyToId: m.id, createdAt: expect.any(Date) },
  ]);

  await remote.setLimits({ me: { limit: 1 } });
  await x.me();
  await expect(x.me()).rejects.toThrow(/429/);
  const status = await remote.state();
  expect(status).toMatchObject({ mentions: 2, posts: 1, limits: { me: { limit: 1, windowMs: 900_000 } } });
  const log = await remote.requests();
  expect(log.map((r) => `${r.endpoint} ${r.status}`)).toEqual(['post 503', 'post 201', 'me 200', 'me 429']);

  await expect(remote.injectFault({ kind: 'meteor' as never })).rejects.toThrow(/fault kind/);
  await expect(connectEmulator(emu.url, 'wrong').posts()).rejects.toThrow(/refused the token/);
  await remote.reset();
  expect(await remote.state()).toMatchObject({ mentions: 0, posts: 0, limits: { me: { limit: 75 } } });
});

test('`mujib sandbox inject` tweets at a running emulator', async () => {
  const root = emu.injectMention({ text: 'حاوية النفايات ممتلئة', author: 'citizen1' });
  const out: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  try {
    const run = (...args: string[]) => {
      const program = new Command('mujib').exitOverride();
      registerSandbox(program);
      return program.parseAsync([
        'node',
        'mujib',
        'sandbox',
        'inject',
        ...args,
        '--url',
        emu.url,
        '--token',
        emu.token,
      ]);
    };
    await run('ما أحد جا؟', '--author', 'citizen1', '--reply-to', root.id);
    await run('look', '--author', 'fan', '--retweet');
  } finally {
    spy.mockRestore();
  }
  expect(out[0]).toMatch(/^\d{19} {2}@citizen1: @Amana_Sandbox ما أحد جا؟$/);
  const mentions = await emu.client().mentionsPage({ userId: emu.agency.id });
  const reply = mentions.tweets.find((t) => t.id === out[0]!.slice(0, 19))!;
  expect(reply).toMatchObject({ inReplyToTweetId: root.id, conversationId: root.id, isRetweet: false });
  expect(mentions.tweets.filter((t) => t.isRetweet)).toHaveLength(1);
});
