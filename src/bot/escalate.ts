// When X will not take a reply (duplicate text, replies restricted), a person must answer:
// the ticket is escalated and the reason written into its history.
import type { BotContext } from './context';

export async function escalateForDelivery(
  ctx: BotContext,
  reply: { ticketRef?: string | null; inReplyToTweetId: string },
  reason: string,
): Promise<void> {
  if (!reply.ticketRef) return;
  await ctx.models.Ticket.updateOne(
    { _id: reply.ticketRef },
    {
      $set: { escalated: true },
      $push: {
        history: {
          at: ctx.now(),
          by: 'mujib',
          action: 'escalated',
          detail: `reply could not be posted: ${reason}`,
        },
      },
    },
  );
}
