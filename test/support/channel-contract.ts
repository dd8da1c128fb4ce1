// What every Channel adapter must do, as tests any adapter can run (test/channel-contract.test.ts
// runs them against X over the emulator and against a reference channel in memory). A second
// channel (X direct messages, WhatsApp) passes these before the bot is pointed at it.
import { findOwnReply, storageKey, refFromStorageKey, type Channel } from '../../src/channel';

export interface ContractWorld {
  channel: Channel;
  /** A citizen writes to the agency; returns the new post's id on the channel. */
  inject(text: string, o?: { inReplyTo?: string }): string;
  /** The posts the channel has from the agency (to check nothing was sent). */
  sentCount(): number;
  close?(): Promise<void>;
}

async function all(channel: Channel, cursor?: unknown): Promise<string[]> {
  const ids: string[] = [];
  let page: string | undefined;
  do {
    const res = await channel.fetchPage({ cursor, page, pageSize: 5 });
    ids.push(...res.posts.map((p) => p.ref.id));
    page = res.next;
  } while (page);
  return ids.sort(channel.compare);
}

export function channelContract(label: string, open: () => Promise<ContractWorld>): void {
  describe(`${label} keeps the Channel contract`, () => {
    let w: ContractWorld;
    beforeEach(async () => {
      w = await open();
    });
    afterEach(async () => {
      await w.close?.();
    });

    test('every post since the cursor, across pages, in the channel order; the cursor only moves on', async () => {
      const sent = Array.from({ length: 7 }, (_, i) => w.inject(`بلاغ رقم ${i}`));
      const ids = await all(w.channel);
      expect(ids).toEqual(sent);
      for (const id of ids) expect(w.channel.isPostId(id)).toBe(true);
      const c = w.channel;
      expect(await all(c, c.cursorAfter(ids[6]!))).toEqual([]);
      expect(await all(c, c.cursorAfter(ids[3]!))).toEqual(ids.slice(4));
      expect(await all(c, c.cursorBefore(ids[3]!))).toEqual(ids.slice(3));
      expect(c.compareCursors(c.cursorBefore(ids[3]!), c.cursorAfter(ids[3]!))).toBeLessThan(0);
      expect(c.compareCursors(c.cursorAfter(ids[3]!), c.cursorAfter(ids[3]!))).toBe(0);
      expect(c.compareCursors(c.cursorAfter(ids[5]!), c.cursorAfter(ids[3]!))).toBeGreaterThan(0);
    });

    test('posts are named by the channel, and their keys round-trip through storage', async () => {
      const root = w.inject('حفرة في الشارع');
      const child = w.inject('ما زالت موجودة', { inReplyTo: root });
      const res = await w.channel.fetchPage({});
      const post = res.posts.find((p) => p.ref.id === child)!;
      expect(post.ref.channel).toBe(w.channel.name);
      expect(post.inReplyTo).toEqual({ channel: w.channel.name, id: root });
      expect(post.text).toContain('ما زالت موجودة'); // X puts the @handle first
      expect(post.author.id).toEqual(expect.any(String));
      expect(refFromStorageKey(storageKey(post.ref))).toEqual(post.ref);
    });

    test('a reply comes back as a post of ours that ownPosts lists and findOwnReply finds', async () => {
      const to = { channel: w.channel.name, id: w.inject('إنارة معطلة') };
      const text = 'وصلنا بلاغكم، رقمه AM-2612-0001';
      const since = new Date(Date.now() - 60_000);
      const posted = await w.channel.reply({ text, to, key: 'ack:1:1' });
      expect(posted.channel).toBe(w.channel.name);
      const mine = await w.channel.ownPosts({ since, max: 100 });
      expect(mine).toContainEqual({ ref: posted, text, inReplyTo: to });
      expect(findOwnReply(mine, { to, text, kind: 'answer' })).toEqual(posted);
    });

    test('a reply addressed to another channel is refused before anything is sent', async () => {
      const other = w.channel.name === 'x' ? 'whatsapp' : 'x';
      const f = await w.channel.reply({ text: 'hello AM-1', to: { channel: other, id: '1' } }).then(
        () => undefined,
        (e: unknown) => w.channel.failure(e),
      );
      expect(f?.kind).toBe('bad-request');
      expect(w.sentCount()).toBe(0);
    });

    test('an error that is not the channel’s is unknown; the text rule is sane', () => {
      expect(w.channel.failure(new TypeError('boom'))).toEqual({ kind: 'unknown', message: 'boom' });
      const rule = w.channel.text;
      expect(rule.max).toBeGreaterThan(0);
      expect(rule.length('')).toBe(0);
      expect(rule.length('شكرا')).toBeGreaterThan(0);
      expect(rule.linkifies('سارة العتيبي')).toBe(false);
      expect(w.channel.limits().postWindowMs).toBeGreaterThan(0);
    });
  });
}
