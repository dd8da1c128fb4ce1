// A post from any channel in its stored form: what the poller's toMention + richFields build
// from an XTweet today, built from the Channel port's InboundPost instead. For X every key is
// the same bare id as before (storageKey); another channel's ids are `<channel>:<id>`.
// Not yet called: the poller switches to it when it reads through ctx.channel (issue 12).
import { keyOn, storageKey } from '../channel/ids';
import type { InboundPost } from '../channel/types';
import type { NewMention } from '../store/mentions';

export function mentionFromPost(p: InboundPost, fetchedAt: Date): NewMention {
  const on = (id: string) => keyOn(p.ref.channel, id);
  const doc: NewMention = {
    _id: storageKey(p.ref),
    text: p.text,
    authorId: on(p.author.id),
    authorUsername: p.author.handle,
    authorName: p.author.name,
    tweetCreatedAt: p.createdAt,
    conversationId: p.threadId === undefined ? undefined : on(p.threadId),
    inReplyToTweetId: p.inReplyTo && storageKey(p.inReplyTo),
    inReplyToUserId: p.inReplyToUserId === undefined ? undefined : on(p.inReplyToUserId),
    isRetweet: p.isRepost,
    lang: p.lang,
    raw: p.raw,
    fetchedAt,
  };
  if (p.long) doc.long = true;
  // Versions are listed oldest first; the first is the original post.
  const original = p.editHistory?.[0];
  if (p.editHistory && original && original !== p.ref.id) {
    doc.editOf = on(original);
    doc.editHistory = p.editHistory.map(on);
  }
  if (p.quoted) {
    const { authorHandle, authorId, ...q } = p.quoted;
    doc.quoted = {
      ...q,
      id: on(q.id),
      ...(authorId ? { authorId: on(authorId) } : {}),
      ...(authorHandle ? { authorUsername: authorHandle } : {}),
    };
  }
  if (p.media?.length) doc.media = p.media.map((m) => ({ ...m }));
  if (p.place) doc.place = { ...p.place };
  return doc;
}
