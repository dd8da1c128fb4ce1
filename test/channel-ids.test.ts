// Post references and the storage-key rule of the Channel port: X keys stay bare (existing
// databases keep working), every other channel's keys are `<channel>:<id>` and never collide.
import fc from 'fast-check';
import {
  PostRefError,
  createChannels,
  formatRef,
  parseRef,
  postRef,
  refFromStorageKey,
  replyKey,
  storageKey,
  type Channel,
} from '../src/channel';

const tweetId = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String);
const otherChannel = fc.stringMatching(/^[a-z][a-z0-9-]{0,31}$/).filter((c) => c !== 'x');
const otherId = fc.string({ minLength: 1, maxLength: 60 });

test('an X post is stored under its bare tweet id, as it always was', () => {
  expect(storageKey(postRef('x', '1860000000000000001'))).toBe('1860000000000000001');
  expect(refFromStorageKey('1860000000000000001')).toEqual({ channel: 'x', id: '1860000000000000001' });
});

test('the outbox keys of X replies are the ones stored today (ack:<tweet id>)', () => {
  expect(replyKey('ack', postRef('x', '42'))).toBe('ack:42');
  expect(replyKey('ack', postRef('whatsapp', 'wamid.HBgM'))).toBe('ack:whatsapp:wamid.HBgM');
});

test('another channel is stored as <channel>:<id>, ids with colons included', () => {
  const ref = postRef('whatsapp', 'wamid.HBgM:1');
  expect(storageKey(ref)).toBe('whatsapp:wamid.HBgM:1');
  expect(refFromStorageKey('whatsapp:wamid.HBgM:1')).toEqual(ref);
});

test('storage keys round-trip for every channel, and no two posts share a key', () => {
  fc.assert(
    fc.property(tweetId, (id) => {
      const ref = postRef('x', id);
      expect(refFromStorageKey(storageKey(ref))).toEqual(ref);
    }),
  );
  fc.assert(
    fc.property(otherChannel, otherId, tweetId, (channel, id, tid) => {
      const ref = postRef(channel, id);
      const key = storageKey(ref);
      expect(refFromStorageKey(key)).toEqual(ref);
      expect(key).not.toBe(storageKey(postRef('x', tid)));
    }),
  );
});

test('qualified references (logs, messages) always name the channel and parse back', () => {
  expect(formatRef(postRef('x', '7'))).toBe('x:7');
  expect(parseRef('x:7')).toEqual({ channel: 'x', id: '7' });
  fc.assert(
    fc.property(otherChannel, otherId, (channel, id) => {
      expect(parseRef(formatRef(postRef(channel, id)))).toEqual({ channel, id });
    }),
  );
});

test('malformed references are refused with a clear error', () => {
  expect(() => postRef('X', '1')).toThrow(PostRefError);
  expect(() => postRef('x', 'abc')).toThrow(/not an X post id/);
  expect(() => postRef('x', '1'.repeat(20))).toThrow(/not an X post id/);
  expect(() => postRef('whatsapp', '')).toThrow(/needs an id/);
  expect(() => parseRef('1234')).toThrow(/<channel>:<id>/);
  // X keys are bare: a qualified X key would be a second key for the same tweet.
  expect(() => refFromStorageKey('x:1234')).toThrow(PostRefError);
  expect(() => refFromStorageKey('')).toThrow(PostRefError);
  expect(() => refFromStorageKey('whatsapp:')).toThrow(PostRefError);
  expect(() => refFromStorageKey('ack:')).toThrow(PostRefError);
});

test('the registry finds the channel of a post and of a stored key', () => {
  const fake = (name: string) => ({ name }) as Channel;
  const x = fake('x');
  const wa = fake('whatsapp');
  const channels = createChannels([x, wa]);
  expect(channels.of(postRef('x', '1'))).toBe(x);
  expect(channels.ofKey('1860')).toBe(x);
  expect(channels.ofKey('whatsapp:wamid.1')).toBe(wa);
  expect(channels.all()).toEqual([x, wa]);
  expect(() => channels.get('sms')).toThrow(/no channel 'sms' \(this bot serves: x, whatsapp\)/);
  expect(() => createChannels([x, fake('x')])).toThrow(/two channels named 'x'/);
});
