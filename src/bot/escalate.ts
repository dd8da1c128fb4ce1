// When X will not take a reply (duplicate text, replies restricted), a person must answer:
// the ticket is escalated and the reason written into its history.
import type { BotContext } from './context';
import { escalateUndelivered } from '../queue';

export async function escalateForDelivery(
  ctx: BotContext,
  reply: { ticketRef?: string | null; inReplyToTweetId: string },
  reason: string,
): Promise<void> {
  if (!reply.ticketRef) return;
  await escalateUndelivered(ctx.models, reply.ticketRef, reason, ctx.now());
}
