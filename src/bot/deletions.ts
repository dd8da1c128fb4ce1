// X's developer policy expects content deleted on X to be deleted here too. When X refuses a
// reply because the post is gone, the mention's text, media, quote and raw copy are purged;
// the ticket keeps a note saying so (and stays for staff: the complaint may still be real).
import type { BotContext } from './context';
import { mutateTicket } from '../queue/mutate';
import { BOT } from '../queue/types';
import { purgeMentionContent } from '../store/mentions';

export async function purgeDeletedMention(
  ctx: BotContext,
  tweetId: string,
  ticketRef?: string | null,
): Promise<void> {
  const now = ctx.now();
  await purgeMentionContent(ctx.store, tweetId, now);
  if (ticketRef)
    await mutateTicket(ctx.store, ticketRef, BOT, now, (t) =>
      t.history.some((h) => h.action === 'deleted-on-x')
        ? null
        : {
            history: {
              action: 'deleted-on-x',
              detail: `post ${tweetId} was deleted on X; its text and media were removed here`,
            },
            note: {
              text: `The citizen's post ${tweetId} was deleted on X; its text and media were removed.`,
            },
            // The follow-up copy of the text goes too.
            set: {
              followUps: t.followUps.map((f) => (f.tweetId === tweetId ? { ...f, text: undefined } : f)),
            },
          },
    );
  ctx.log.info(
    `Post ${tweetId} was deleted on X: its text and media were purged${ticketRef ? ` (${ticketRef} keeps a note)` : ''}`,
  );
}
