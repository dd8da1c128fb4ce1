// The pipeline, top-down, for one stored mention:
//   an edit of an earlier post? → gather the facts (facts.ts) → route() them (route.ts, pure:
//   follow-up in a thread, repeat of an open complaint, a danger for an existing ticket, a new
//   ticket, a notice, or nothing) → apply the decision here.
// Every step is safe to run again after a crash: the ticket is bound to the mention, the reply
// is unique per (kind, mention), and the mention is marked processed last.
import type { BotContext } from './context';
import type { Decision } from '../classify/types';
import type { DecideResult as Plan } from '../decide';
import { openTicket, attachFollowUp, escalateByBot } from '../queue';
import type { Ticket } from '../queue/types';
import { renderReply, chooseReplyLang } from '../reply';
import { escalateForDanger } from '../queue/follow-ups';
import { acknowledgeRepeat, followUpInThread } from './follow-ups';
import { count } from '../health/state';
import { detectLanguage } from '../text/language';
import { redact } from '../log/redact';
import { planNotice } from './notice';
import { handleEdit } from './edits';
import { textToClassify } from './mention-fields';
import {
  markMentionProcessed,
  pendingMentions,
  recordMentionFailure,
  type StoredMention,
} from '../store/mentions';
import { planReply } from '../store/outbox';
import { gatherFacts } from './facts';
import { route, type RouteDecision } from '../route/route';
import { urgentFirst } from './pending-order';

type Mention = StoredMention;

const BATCH = 200;
const LOOKAHEAD = 3000;
const MAX_ATTEMPTS = 5;

/** Processes stored mentions: urgent ones first, then oldest first. */
export async function processPending(ctx: BotContext): Promise<number> {
  // Look further than one batch so an urgent tweet deep in a backlog is seen now.
  const pending = await pendingMentions(ctx.store, LOOKAHEAD);
  // Classifying is cheap (in memory), so the whole look-ahead is sorted by it.
  const isUrgent = (m: Mention) => ctx.classifier().classify(textToClassify(m)).urgent;
  for (const m of urgentFirst(pending, isUrgent).slice(0, BATCH)) {
    try {
      await processMention(ctx, m);
    } catch (e) {
      await recordFailure(ctx, m, e);
    }
  }
  return pending.length;
}

export async function processMention(ctx: BotContext, m: Mention): Promise<void> {
  // An edited post is the complaint it edits: bound to that ticket, never a second one
  // (bot/edits.ts decides and records that itself).
  if ((await handleEdit(ctx, m)) !== 'new') return;
  const facts = await gatherFacts(ctx, m);
  await apply(ctx, m, route(facts), facts.now);
}

/** Does what route() decided, and marks the mention processed last. */
async function apply(ctx: BotContext, m: Mention, r: RouteDecision, now: Date): Promise<void> {
  switch (r.kind) {
    case 'follow-up': {
      // Status request, "still broken", thanks or new details (src/bot/follow-ups.ts).
      const step = await followUpInThread(ctx, m, r.ticket, r.said);
      // It decides from the same facts; only a rules reload in between could differ (retried).
      if (step.next !== 'attach')
        throw new Error(`the thread reply was routed as ${r.action.do} but now reads as ${step.action.do}`);
      return attach(ctx, m, step.ticket, 'thread', r.said);
    }
    case 'escalate-existing':
      return escalateInto(ctx, m, r.ticket, r.decision, r.plan, r.why);
    case 'attach-repeat': {
      const t = await acknowledgeRepeat(ctx, m, r.ticket, r.match, r.decision);
      return attach(ctx, m, t, 'repeat', r.decision);
    }
    case 'open-ticket': {
      // One ticket per mention, even across crashes (a unique binding insert, queue/open.ts);
      // the reply recorded in the outbox before anything is posted.
      const ticket = await ticketFor(ctx, m, r.decision, r.plan);
      if (r.plan.reply) await planAck(ctx, m, ticket, r.decision, r.plan.reply, r.plan.priority);
      return done(ctx, m, r, now, ticket._id);
    }
    case 'notice':
      // A referral (or the neutral reply to insults) is a reply without a ticket (bot/notice.ts).
      await planNotice(ctx, m, r.decision, r.notice);
      return done(ctx, m, r, now);
    case 'ignore':
      return done(ctx, m, r, now);
  }
}

/** Done: the mention will not be processed again. */
async function done(
  ctx: BotContext,
  m: Mention,
  r: Extract<RouteDecision, { plan: Plan }>,
  now: Date,
  ticketRef?: string,
): Promise<void> {
  const { plan } = r;
  await markMentionProcessed(ctx.store, m._id, {
    classification: { ...r.decision, plan: summary(plan) },
    // complaint, inquiry, praise, spam, chatter, abuse, referral: counted, listed for staff.
    outcome: plan.outcome ?? 'complaint',
    ticketRef,
    processedAt: now,
  });
  count(ctx.health, plan.action === 'ignore' ? 'mentions_ignored' : 'mentions_ticketed');
  if (plan.outcome) count(ctx.health, `mentions_${plan.outcome}`);
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
  await markMentionProcessed(ctx.store, m._id, {
    classification: decision ? { ...decision, attachedAs: why } : { attachedAs: why },
    ticketRef: t._id,
    processedAt: ctx.now(),
  });
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

async function planAck(
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
  // _id ack:<tweet id>: one acknowledgement (or answer) per mention, ever; a retry of this
  // step finds it planned already.
  await planReply(ctx.store, {
    _id: `ack:${m._id}`,
    kind: how.kind,
    ticketRef: t._id,
    inReplyToTweetId: m._id,
    text,
    priority,
    plannedAt: ctx.now(),
  });
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
  await recordMentionFailure(ctx.store, m._id, { attempts, lastError: message, giveUp, ticketRef }).catch(
    () => undefined,
  );
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
  plan: Plan,
  why: 'thread' | 'repeat',
): Promise<void> {
  const { ticket } = await escalateForDanger(ctx.store, t._id, {
    tweetId: m._id,
    reason: plan.reason,
    dueAt: plan.dueAt,
    now: ctx.now(),
  });
  if (plan.reply) await planAck(ctx, m, ticket, decision, plan.reply, 1);
  return attach(ctx, m, ticket, why, decision);
}
