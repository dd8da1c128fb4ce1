// Step 2 of the exactly-once contract (types.ts), as a pure decision: among the account's own
// recent posts (newest first, from Channel.ownPosts), the one that is our earlier attempt at
// this reply. The poster's findPosted does exactly this on X today (src/bot/poster.ts).
import { sameRef, type PostRef } from './ids';
import type { OwnPost } from './types';

const same = (a: string) => a.replace(/\s+/g, ' ').trim();

export function findOwnReply(
  mine: readonly OwnPost[],
  reply: { to: PostRef; text: string; kind: string },
): PostRef | undefined {
  const answers = mine.filter((p) => p.inReplyTo && sameRef(p.inReplyTo, reply.to));
  // Same text is proof; an acknowledgement is also always our first answer to a post (the
  // channel may rewrite links in the text). Newest first: the first answer is the last.
  return (
    answers.find((p) => same(p.text) === same(reply.text)) ??
    (reply.kind === 'ack' ? answers.at(-1) : undefined)
  )?.ref;
}
