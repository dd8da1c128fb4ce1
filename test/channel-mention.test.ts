// The stored form of a post read through the Channel port is, for X, exactly what the poller
// builds from the XTweet today (same keys, same fields); another channel's keys are qualified.
import { richFields } from '../src/bot/mention-fields';
import { mentionFromPost } from '../src/bot/mention-from-post';
import type { InboundPost } from '../src/channel';
import { inboundFromTweet, type XTweet } from '../src/x';
import { startTestEmulator, type TestEmulator } from './support/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());

/** poller.ts toMention before its skip rules, as written there (2026-12-02). */
const asPollerStoresIt = (t: XTweet, fetchedAt: Date) => ({
  _id: t.id,
  text: t.text,
  authorId: t.authorId,
  authorUsername: t.authorUsername,
  authorName: t.authorName,
  tweetCreatedAt: t.createdAt,
  conversationId: t.conversationId,
  inReplyToTweetId: t.inReplyToTweetId,
  inReplyToUserId: t.inReplyToUserId,
  isRetweet: t.isRetweet,
  lang: t.lang,
  raw: t.raw,
  fetchedAt,
  ...richFields(t),
});

test('every kind of X mention is stored through the port exactly as the poller stores it', async () => {
  const root = emu.injectMention({ text: 'حفرة كبيرة في شارع التحلية', author: 'sara', authorName: 'سارة' });
  emu.injectMention({ text: 'ما زالت موجودة', author: 'sara', inReplyToId: root.id });
  emu.injectMention({ text: 'طويل '.repeat(80), author: 'long_one' });
  emu.injectMention({ text: 'شوفوا هذا', author: 'quoter', quoteOfId: root.id });
  emu.injectMention({ text: 'صورة', author: 'pics', media: [{ type: 'photo', altText: 'حفرة' }] });
  emu.injectMention({
    text: 'هنا',
    author: 'placed',
    place: { fullName: 'Riyadh, Saudi Arabia', country: 'Saudi Arabia', countryCode: 'SA' },
    coordinates: [46.7, 24.7],
  });
  emu.injectMention({ text: 'rt', author: 'rter', isRetweet: true, originalAuthor: 'orig' });
  const edited = emu.injectMention({ text: 'قبل التعديل', author: 'editor' });
  emu.editTweet(edited.id, 'بعد التعديل');

  const page = await emu.client().mentionsPage({ userId: emu.agency.id });
  const tweets = page.tweets;
  expect(tweets.length).toBeGreaterThanOrEqual(8);
  // The mix really is there (so the comparison covers each field).
  expect(tweets.some((t) => t.long)).toBe(true);
  expect(tweets.some((t) => t.editHistory)).toBe(true);
  expect(tweets.some((t) => t.quoted)).toBe(true);
  expect(tweets.some((t) => t.media)).toBe(true);
  expect(tweets.some((t) => t.place)).toBe(true);
  expect(tweets.some((t) => t.isRetweet)).toBe(true);
  expect(tweets.some((t) => t.inReplyToTweetId)).toBe(true);
  const at = new Date('2026-12-02T00:00:00Z');
  for (const t of tweets) expect(mentionFromPost(inboundFromTweet(t), at)).toEqual(asPollerStoresIt(t, at));
});

test("another channel's ids are stored qualified: posts, threads, accounts, edits, quotes", () => {
  const post: InboundPost = {
    ref: { channel: 'whatsapp', id: 'wamid.B' },
    text: 'السلام عليكم، في تسرب مياه',
    author: { id: '966500000001', handle: 'sara', name: 'سارة' },
    threadId: '966500000001',
    inReplyTo: { channel: 'whatsapp', id: 'wamid.A' },
    inReplyToUserId: '966511111111',
    isRepost: false,
    editHistory: ['wamid.0', 'wamid.B'],
    quoted: { id: 'wamid.Q', authorId: '966522222222', authorHandle: 'noura' },
    raw: {},
  };
  const doc = mentionFromPost(post, new Date());
  expect(doc).toMatchObject({
    _id: 'whatsapp:wamid.B',
    authorId: 'whatsapp:966500000001',
    authorUsername: 'sara',
    conversationId: 'whatsapp:966500000001',
    inReplyToTweetId: 'whatsapp:wamid.A',
    inReplyToUserId: 'whatsapp:966511111111',
    editOf: 'whatsapp:wamid.0',
    editHistory: ['whatsapp:wamid.0', 'whatsapp:wamid.B'],
    quoted: { id: 'whatsapp:wamid.Q', authorId: 'whatsapp:966522222222', authorUsername: 'noura' },
  });
});
