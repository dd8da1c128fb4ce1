// Step 2 of the exactly-once contract: finding our own earlier attempt at a reply among the
// account's recent posts, for any channel.
import { findOwnReply, postRef } from '../src/channel';

describe('findOwnReply: which of our own posts is an earlier attempt at this reply', () => {
  const to = postRef('x', '100');
  const own = (id: string, text: string, inReplyTo?: string) => ({
    ref: postRef('x', id),
    text,
    ...(inReplyTo ? { inReplyTo: postRef('x', inReplyTo) } : {}),
  });
  // Newest first, as ownPosts returns them.
  const mine = [
    own('205', 'something else AM-3', '100'),
    own('204', 'وصلنا  بلاغكم\nAM-1', '100'),
    own('203', 'وصلنا بلاغكم AM-1', '999'),
    own('202', 'first answer AM-0', '100'),
    own('201', 'a post of ours, no reply'),
  ];

  test('the same text (whitespace aside) to the same post is proof', () => {
    expect(findOwnReply(mine, { to, text: 'وصلنا بلاغكم AM-1', kind: 'answer' })).toEqual(
      postRef('x', '204'),
    );
  });
  test('an acknowledgement is our first answer to the post even if X rewrote its text', () => {
    expect(findOwnReply(mine, { to, text: 'rewritten AM-9', kind: 'ack' })).toEqual(postRef('x', '202'));
  });
  test('nothing else matches: another post, another channel, another kind', () => {
    expect(findOwnReply(mine, { to, text: 'rewritten AM-9', kind: 'resolved' })).toBeUndefined();
    expect(findOwnReply(mine, { to: postRef('x', '101'), text: 'x', kind: 'ack' })).toBeUndefined();
    expect(
      findOwnReply(mine, { to: postRef('whatsapp', '100'), text: 'وصلنا بلاغكم AM-1', kind: 'ack' }),
    ).toBeUndefined();
    expect(findOwnReply([], { to, text: 'x', kind: 'ack' })).toBeUndefined();
  });
});
