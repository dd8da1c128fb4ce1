// A reference Channel kept in memory: what a second channel implements, in ~60 lines. Used
// only by the contract tests (test/support/channel-contract.ts) to show the contract is the
// port's, not X's; the bot's own tests always talk to X through the emulator.
import { codePointRule, postRef, type Channel, type InboundPost, type OwnPost } from '../../src/channel';

export interface MemoryCursor {
  after: number;
}

class MemoryChannelError extends Error {
  constructor(
    readonly kind: 'bad-request' | 'transient' | 'duplicate' | 'credentials',
    message: string,
  ) {
    super(message);
  }
}

export function createMemoryChannel(name = 'demo') {
  let seq = 0;
  const inbox: InboundPost[] = []; // oldest first
  const sent: Array<OwnPost & { at: Date }> = []; // newest first
  const num = (id: string) => Number(id.slice(1));
  const channel: Channel<MemoryCursor> = {
    name,
    text: codePointRule('Demo', 1000),
    whoAmI: () => Promise.resolve({ id: 'agency', handle: 'agency', name: 'The Agency' }),
    fetchPage({ cursor, page, pageSize = 20 }) {
      const newer = inbox.filter((p) => num(p.ref.id) > (cursor?.after ?? 0)).reverse();
      const start = page ? Number(page) : 0;
      const end = start + pageSize;
      return Promise.resolve({
        posts: newer.slice(start, end),
        malformed: [],
        ...(end < newer.length ? { next: String(end) } : {}),
      });
    },
    compare: (a, b) => num(a) - num(b),
    isPostId: (id) => /^m[0-9]+$/.test(id),
    cursorAfter: (id) => ({ after: num(id) }),
    cursorBefore: (id) => ({ after: num(id) - 1 }),
    compareCursors: (a, b) => a.after - b.after,
    reply({ text, to }) {
      if (to.channel !== name)
        return Promise.reject(new MemoryChannelError('bad-request', `not a post on ${name}`));
      const ref = postRef(name, `m${++seq}`);
      sent.unshift({ ref, text, inReplyTo: to, at: new Date() });
      return Promise.resolve(ref);
    },
    ownPosts: ({ since, max }) =>
      Promise.resolve(
        sent
          .filter((p) => p.at >= since)
          .slice(0, max)
          .map(({ ref, text, inReplyTo }) => ({ ref, text, inReplyTo })),
      ),
    link: () => undefined,
    limits: () => ({ byEndpoint: {}, postWindowMs: 60_000 }),
    failure: (e) =>
      e instanceof MemoryChannelError
        ? { kind: e.kind, message: e.message }
        : { kind: 'unknown', message: e instanceof Error ? e.message : String(e) },
  };
  return {
    channel,
    inject(text: string, o: { inReplyTo?: string } = {}): string {
      const ref = postRef(name, `m${++seq}`);
      inbox.push({
        ref,
        text,
        author: { id: 'citizen-1', handle: 'citizen' },
        isRepost: false,
        ...(o.inReplyTo ? { inReplyTo: postRef(name, o.inReplyTo) } : {}),
        raw: { text },
      });
      return ref.id;
    },
    sentCount: () => sent.length,
  };
}
