// The I/O half before route(): what the bot knows about one stored mention. Only what the
// route needs is read: a mention its ticket's thread takes needs no look-up of the citizen's
// other tickets.
import type { BotContext } from './context';
import type { StoredMention } from '../store/mentions';
import { ticketOfOurReply } from '../store/outbox';
import { findOpenTicketForThread, countRecentTickets, authorTickets, findTicketOfTweet } from '../queue';
import type { Ticket } from '../queue/types';
import { findSameProblem } from '../queue/repeats';
import { textToClassify } from './mention-fields';
import { threadRoute, type ComplaintFacts, type RouteFacts } from '../route/route';

export async function gatherFacts(ctx: BotContext, m: StoredMention): Promise<RouteFacts> {
  const policy = ctx.policy();
  const facts: RouteFacts = { now: ctx.now(), mention: { id: m._id, text: m.text }, policy };
  const ticket = await threadTicketOf(ctx, m);
  // What the reply itself says (without a quoted post): thanks, a status ask, a danger.
  if (ticket) facts.thread = { ticket, said: ctx.classifier().classify(m.text) };
  if (!threadRoute(facts)) facts.complaint = await complaintFacts(ctx, m, facts);
  return facts;
}

async function threadTicketOf(ctx: BotContext, m: StoredMention): Promise<Ticket | undefined> {
  if (!m.inReplyToTweetId) return undefined;
  // X gives every tweet of a thread the root's conversation id: the ticket of that root
  // (or of a later complaint in the thread) owns the reply.
  const byConversation = m.conversationId && (await findOpenTicketForThread(ctx.store, m.conversationId));
  if (byConversation) return byConversation as Ticket;
  // Otherwise the citizen answered our acknowledgement or a tweet we attached.
  const ours = await ticketOfOurReply(ctx.store, m.inReplyToTweetId);
  if (ours.ours) return ours.ticket;
  const parent = await findTicketOfTweet(ctx.store, m.inReplyToTweetId);
  return (parent as Ticket | null) ?? undefined;
}

async function complaintFacts(ctx: BotContext, m: StoredMention, f: RouteFacts): Promise<ComplaintFacts> {
  const decision = ctx.classifier().classify(textToClassify(m)); // with the quoted post
  const { repeat } = f.policy.escalation;
  const earlier = await authorTickets(ctx.store, m.authorId); // read once for both below
  const same = await findSameProblem(ctx.store, {
    authorId: m.authorId,
    category: decision.category,
    withinMs: repeat.attachWithinHours * 3_600_000,
    now: f.now,
    text: m.text,
    policy: repeat.sameProblem,
    // Found by the chaos run: after a crash between opening the ticket and planning the reply,
    // the mention's own ticket must not count as an earlier complaint.
    mentionId: m._id,
    earlier,
  });
  const recentTicketsByAuthor = await countRecentTickets(
    ctx.store,
    m.authorId,
    repeat.withinDays,
    f.now,
    earlier,
  );
  return { decision, repeat: same, recentTicketsByAuthor };
}
