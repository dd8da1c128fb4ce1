// The pipeline, top-down, for one stored mention:
//   thread follow-up? → classify → repeat of an open complaint? → decide → ticket → reply plan.
// Every step is safe to run again after a crash: the ticket is bound to the mention, the reply
// is unique per (kind, mention), and the mention is marked processed last.
import type { BotContext } from './context';
import type { MentionDoc, TicketDoc } from '../store/models';
import type { Decision } from '../classify/types';
import { decide, type DecideResult as Plan } from '../decide';
import {
  openTicket,
  findOpenTicketForThread,
  attachFollowUp,
  countRecentTickets,
  escalateByBot,
  authorTickets,
  findTicketOfTweet,
} from '../queue';
import { renderReply, chooseReplyLang, chooseAnswer } from '../reply';
import { findSameProblem } from '../queue/repeats';
import { escalateForDanger } from '../queue/follow-ups';
import { acknowledgeRepeat, followUpInThread } from './follow-ups';
import { isDuplicateKey } from '../store/duplicate-key';
import { count } from '../health/state';
import { detectLanguage } from '../text/language';
import { redact } from '../log/redact';
import { planNotice } from './notice';
import { handleEdit } from './edits';
import { textToClassify } from './mention-fields';

type Mention = MentionDoc & { _id: string };
type Ticket = TicketDoc & { _id: string };

const BATCH = 200;
const LOOKAHEAD = 3000;
const MAX_ATTEMPTS = 5;

/** Processes stored mentions: urgent ones first, then oldest first. */
export async function processPending(ctx: BotContext): Promise<number> {
  // Look further than one batch so an urgent tweet deep in a backlog is seen now.
  const pending = (await ctx.models.Mention.find({ status: 'new' })
    .sort({ tweetCreatedAt: 1, _id: 1 })
    .limit(LOOKAHEAD)
    .lean()) as Mention[];
  for (const m of urgentFirst(ctx, pending).slice(0, BATCH)) {
    try {
      await processMention(ctx, m);
    } catch (e) {
      await recordFailure(ctx, m, e);
    }
  }
  return pending.length;
}

/**
 * In a backlog (a storm), a danger to life must not wait behind hundreds of routine tweets:
 * classifying is cheap (in memory), so urgent new complaints jump the queue. Replies in a
 * thread keep their place, so they still find their parent's ticket.
 */
function urgentFirst(ctx: BotContext, pending: Mention[]): Mention[] {
  const isUrgent = (m: Mention) => !m.inReplyToTweetId && ctx.classifier().classify(textToClassify(m)).urgent;
  const urgent = pending.filter(isUrgent);
  if (urgent.length === 0) return pending;
  return [...urgent, ...pending.filter((m) => !urgent.includes(m))];
}

export async function processMention(ctx: BotContext, m: Mention): Promise<void> {
  const now = ctx.now();

  // 0. An edited post is the complaint it edits: bound to that ticket, never a second one.
  if ((await handleEdit(ctx, m)) !== 'new') return;

  // 1. A reply inside a thread that already has a ticket is a follow-up, not a new complaint.
  // (A ticket opened for this very mention by a run that crashed is not someone else's thread.)
  const threadTicket = await threadTicketOf(ctx, m);
  if (threadTicket && threadTicket.mentionId !== m._id) {
    // Status request, "still broken", thanks, new details or a danger (src/bot/follow-ups.ts).
    const said = ctx.classifier().classify(m.text);
    const step = await followUpInThread(ctx, m, threadTicket, said);
    if (step.next === 'escalate') return escalateInto(ctx, m, step.ticket, said, 'thread');
    if (step.next === 'attach') return attach(ctx, m, step.ticket, 'thread', said);
    // A new problem told in the thread of a resolved ticket: a complaint of its own, below.
  }

  // 2. What is it about? (rules first, then the model; the decision says why)
  const decision = ctx.classifier().classify(textToClassify(m)); // with the quoted post

  // 3. The same citizen repeating the same problem (same category, window and text about the
  // same thing: src/decide/repeat.ts) attaches to the open ticket, and is told so.
  const policy = ctx.policy();
  const earlier = await authorTickets(ctx.store, m.authorId); // read once for steps 3 and 4
  const same = await findSameProblem(ctx.store, {
    authorId: m.authorId,
    category: decision.category,
    withinMs: policy.escalation.repeat.attachWithinHours * 3_600_000,
    now,
    text: m.text,
    policy: policy.escalation.repeat.sameProblem,
    // Found by the chaos run: after a crash between opening the ticket and planning the reply,
    // the mention's own ticket must not count as an earlier complaint.
    mentionId: m._id,
    earlier,
  });
  // A danger is never swallowed by an earlier routine ticket: that ticket becomes urgent.
  if (same.ticket && decision.urgent && !same.ticket.urgent)
    return escalateInto(ctx, m, same.ticket, decision, 'repeat');
  if (same.ticket) {
    const t = await acknowledgeRepeat(ctx, m, same.ticket, same.match, decision);
    return attach(ctx, m, t, 'repeat', decision);
  }

  // 4. What to do: acknowledge / answer / ignore, escalate or not, priority, due time.
  const recent = await countRecentTickets(
    ctx.store,
    m.authorId,
    policy.escalation.repeat.withinDays,
    now,
    earlier,
  );
  const lang = chooseReplyLang(decision.lang, policy.agency);
  // Inquiries the templates can answer (hours, documents, where to go) are resolved by the bot.
  const answer = decision.category === 'inquiry' ? chooseAnswer(policy.templates, m.text, lang) : undefined;
  const plan = decide(decision, {
    agency: policy.agency,
    escalation: policy.escalation,
    now,
    recentTicketsByAuthor: recent,
    answer,
    abuseReply: !!policy.outcomes.abuse.reply,
  });

  // 5. The ticket: one per mention, even across crashes (a unique binding insert, queue/open.ts).
  const ticket = plan.action === 'ignore' ? undefined : await ticketFor(ctx, m, decision, plan);

  // 6. The reply, recorded in the outbox before anything is posted.
  if (ticket && plan.reply) await planReply(ctx, m, ticket, decision, plan.reply, plan.priority);
  // A referral (or the neutral reply to insults) is a reply without a ticket (bot/notice.ts).
  else if (!ticket && plan.notice) await planNotice(ctx, m, decision, plan.notice);

  // 7. Done: the mention will not be processed again.
  await ctx.models.Mention.updateOne(
    { _id: m._id },
    {
      $set: {
        status: 'processed',
        classification: { ...decision, plan: summary(plan) },
        // complaint, inquiry, praise, spam, chatter, abuse, referral: counted, listed for staff.
        outcome: plan.outcome ?? 'complaint',
        ticketRef: ticket?._id,
        processedAt: now,
      },
    },
  );
  count(ctx.health, plan.action === 'ignore' ? 'mentions_ignored' : 'mentions_ticketed');
  if (plan.outcome) count(ctx.health, `mentions_${plan.outcome}`);
}

async function threadTicketOf(ctx: BotContext, m: Mention): Promise<Ticket | undefined> {
  if (!m.inReplyToTweetId) return undefined;
  // X gives every tweet of a thread the root's conversation id: the ticket of that root
  // (or of a later complaint in the thread) owns the reply.
  const byConversation = m.conversationId && (await findOpenTicketForThread(ctx.store, m.conversationId));
  if (byConversation) return byConversation as Ticket;
  // Otherwise the citizen answered our acknowledgement or a tweet we attached.
  const ours = await ctx.models.Reply.findOne({ postedTweetId: m.inReplyToTweetId }).lean();
  if (ours?.ticketRef)
    return ((await ctx.models.Ticket.findById(ours.ticketRef).lean()) as Ticket) ?? undefined;
  const parent = await findTicketOfTweet(ctx.store, m.inReplyToTweetId);
  return (parent as Ticket | null) ?? undefined;
}

async function attach(
  ctx: BotContext,
  m: Mention,
  t: Ticket,
  why: 'thread' | 'repeat',
  decision?: Decision,
): Promise<void> {
  await attachFollowUp(ctx.store, t._id, {
    tweetId: m._id,
    text: m.text,
    at: m.tweetCreatedAt ?? ctx.now(),
    reason: why,
  });
  await ctx.models.Mention.updateOne(
    { _id: m._id },
    {
      $set: {
        status: 'processed',
        classification: decision ? { ...decision, attachedAs: why } : { attachedAs: why },
        ticketRef: t._id,
        processedAt: ctx.now(),
      },
    },
  );
  count(ctx.health, 'mentions_attached');
  ctx.log.info(`Mention ${m._id} from @${m.authorUsername ?? m.authorId} attached to ${t._id} (${why})`);
}

async function ticketFor(ctx: BotContext, m: Mention, decision: Decision, plan: Plan): Promise<Ticket> {
  // openTicket binds mention → reference with a unique insert: a retry after a crash gets
  // the same ticket back, never a second one.
  const { ticket } = await openTicket(ctx.store, {
    mention: {
      id: m._id,
      authorId: m.authorId,
      authorUsername: m.authorUsername ?? undefined,
      conversationId: m.conversationId ?? m._id,
    },
    decision,
    outcome: plan,
    prefix: ctx.settings.ticketPrefix,
    timeZone: ctx.policy().agency.timeZone,
    now: ctx.now(),
  });
  return ticket as Ticket;
}

async function planReply(
  ctx: BotContext,
  m: Mention,
  t: Ticket,
  decision: Decision,
  how: NonNullable<Plan['reply']>,
  priority: number,
): Promise<void> {
  const policy = ctx.policy();
  const text = renderReply({
    templates: policy.templates,
    kind: how.kind,
    category: how.category,
    lang: chooseReplyLang(decision.lang, policy.agency),
    afterHours: how.afterHours,
    urgent: how.urgent,
    ...(how.route ? { route: how.route, crisisLine: how.crisisLine } : {}),
    answer: how.answer,
    vars: { name: m.authorName ?? m.authorUsername ?? '', ticket: t._id, due: t.dueAt ?? undefined },
    agency: policy.agency,
  });
  try {
    // _id ack:<tweet id>: one acknowledgement (or answer) per mention, ever.
    await ctx.models.Reply.create({
      _id: `ack:${m._id}`,
      kind: how.kind,
      ticketRef: t._id,
      inReplyToTweetId: m._id,
      text,
      status: 'planned',
      priority,
      plannedAt: ctx.now(),
    });
  } catch (e) {
    // Already planned by an earlier run of this step.
    if (!isDuplicateKey(e)) throw e;
  }
}

function summary(plan: Plan) {
  return { action: plan.action, escalate: plan.escalate, priority: plan.priority, reason: plan.reason };
}

async function recordFailure(ctx: BotContext, m: Mention, e: unknown): Promise<void> {
  const message = (e as Error).message ?? String(e);
  const attempts = (m.attempts ?? 0) + 1;
  const giveUp = attempts >= MAX_ATTEMPTS;
  // Given up on, the mention still reaches a person: a ticket for staff to triage by hand.
  const ticketRef = giveUp ? await triageByHand(ctx, m, message) : undefined;
  await ctx.models.Mention.updateOne(
    { _id: m._id },
    { $set: { attempts, lastError: message, ...(giveUp ? { status: 'error', ticketRef } : {}) } },
  ).catch(() => undefined);
  count(ctx.health, 'errors_pipeline');
  ctx.log.warn(`Processing mention ${m._id} failed (attempt ${attempts}): ${message}`);
  if (giveUp)
    ctx.log.error(
      ticketRef
        ? `Mention ${m._id} handed to staff as ${ticketRef} after ${attempts} failed attempts`
        : `Mention ${m._id} could not be processed nor handed to staff; it stays stored with status 'error'`,
    );
}

/**
 * The mention's ticket (opened now, or the one an earlier attempt opened before failing),
 * escalated for staff to triage by hand; no reply is planned: nothing automatic is trusted.
 */
async function triageByHand(ctx: BotContext, m: Mention, message: string): Promise<string | undefined> {
  // Staff read this in the console: no secret may ride along in an error message.
  const reason = redact(`the bot could not process it (${MAX_ATTEMPTS} attempts): ${message}`).slice(0, 300);
  const outcome: Plan = {
    action: 'acknowledge',
    escalate: true,
    priority: 2,
    autoResolve: false,
    template: 'none',
    reason: 'opened for staff to triage by hand',
  };
  const decision: Decision = {
    lang: detectLanguage(typeof m.text === 'string' ? m.text : ''),
    category: 'other',
    confidence: 0,
    source: 'fallback',
    urgent: false,
    needsTriage: true,
  };
  try {
    const ticket = await ticketFor(ctx, m, decision, outcome);
    await escalateByBot(ctx.store, ticket._id, reason, ctx.now());
    return ticket._id;
  } catch {
    return undefined;
  }
}

/** A danger told in a thread or a repeat: the existing ticket becomes urgent, with the urgent reply. */
async function escalateInto(
  ctx: BotContext,
  m: Mention,
  t: Ticket,
  decision: Decision,
  why: 'thread' | 'repeat',
): Promise<void> {
  const policy = ctx.policy();
  const now = ctx.now();
  const plan = decide(decision, {
    agency: policy.agency,
    escalation: policy.escalation,
    now,
    recentTicketsByAuthor: 0,
  });
  const { ticket } = await escalateForDanger(ctx.store, t._id, {
    tweetId: m._id,
    reason: plan.reason,
    dueAt: plan.dueAt,
    now,
  });
  if (plan.reply) await planReply(ctx, m, ticket, decision, plan.reply, 1);
  return attach(ctx, m, ticket, why, decision);
}
