// When X will not take a reply (duplicate text, replies restricted), a person must answer:
// the ticket is escalated and the reason written into its history.
import type { BotContext } from './context';
import { escalateByBot } from '../queue';

export async function escalateForDelivery(
  ctx: BotContext,
  reply: { ticketRef?: string | null; inReplyToTweetId: string },
  reason: string,
): Promise<void> {
  if (!reply.ticketRef) return;
  await escalateByBot(ctx.store, reply.ticketRef, `reply could not be posted: ${reason}`, ctx.now());
}
