// A citizen's tweet that belongs to an existing ticket: a repeat of the same problem, or a
// reply in the ticket's thread. Every top-level complaint gets an answer (a repeat: "added to
// your report AM-…"); a thread reply gets one when it asks for status (at most once per
// window), says a resolved ticket is not fixed (reopened), or adds details; thanks needs none.
// Replies are planned as `ack:<tweet id>`: one answer per tweet, ever, whatever a retry decides.
import path from 'node:path';
import type { BotContext } from './context';
import type { StoredMention } from '../store/mention-record';
import type { Decision } from '../classify/types';
import type { RepeatMatch } from '../decide/repeat';
import { followUpIntent, type IntentResult } from '../followup/intent';
import { planThreadReply, type ThreadAction } from '../followup/plan';
import { attachFollowUp, type Ticket } from '../queue';
import { claimThreadReply, reopenByCitizen } from '../queue/follow-ups';
import { doneByTweet } from '../queue/follow-up-marks';
import { chooseReplyLang } from '../reply';
import { renderFollowUp, type FollowUpReply } from '../reply/follow-up';
import { type FollowUpTemplates } from '../reply/types';
import { loadTemplates } from '../pack/templates';
import { dueDate } from '../sla';
import { planReply } from '../store/outbox';
import { replyKeyFor } from '../store/reply-plans';

type Mention = StoredMention;

export interface ThreadStep {
  /** 'attach': record on the ticket (reply, if any, already planned); 'escalate': a danger —
   *  the caller escalates the ticket with the urgent reply; 'new': treat as a new complaint. */
  next: 'attach' | 'escalate' | 'new';
  ticket: Ticket;
  intent: IntentResult;
  action: ThreadAction;
}

/** Reads a reply in a ticket's thread and does what it asks (except a danger: see `next`). */
export async function followUpInThread(
  ctx: BotContext,
  m: Mention,
  ticket: Ticket,
  decision: Decision,
): Promise<ThreadStep> {
  const policy = ctx.policy();
  const now = ctx.now();
  const intent = followUpIntent(m.text, policy.followUps);
  const action = planThreadReply({
    intent: intent.intent,
    urgent: decision.urgent,
    ticket,
    policy: policy.escalation.followUps,
    doneByThisTweet: doneByTweet(ticket, m._id),
  });
  const step = (next: ThreadStep['next'], t = ticket): ThreadStep => ({ next, ticket: t, intent, action });
  if (action.do === 'newComplaint') return step('new');
  if (action.do === 'escalate') return step('escalate');

  let t = ticket;
  if (action.do === 'reopen') {
    const dueAt = dueDate(now, t.category, false, policy.agency);
    t = await reopenByCitizen(ctx.store, t._id, { tweetId: m._id, because: intent.because, dueAt, now });
    ctx.log.info(`Ticket ${t._id} reopened: @${m.authorUsername ?? m.authorId} says it is not fixed`);
  }
  t = (
    await attachFollowUp(ctx.store, t._id, {
      tweetId: m._id,
      text: m.text,
      at: m.tweetCreatedAt ?? now,
      reason: `thread: ${intent.intent} ${intent.because}`,
    })
  ).ticket;

  const lang = langOf(decision, t);
  if (action.do === 'reopen') await planFollowUpReply(ctx, m, t, 'reopened', lang);
  else if (action.do === 'status' || action.do === 'update') {
    const claim = await claimThreadReply(ctx.store, t._id, {
      tweetId: m._id,
      everyHours: policy.escalation.followUps.statusReplyEveryHours,
      now,
      why: action.do === 'status' ? `status reply (${intent.because})` : 'new details acknowledged',
    });
    t = claim.ticket;
    if (claim.allowed)
      await planFollowUpReply(ctx, m, t, action.do === 'status' ? statusKind(t, now) : 'update', lang);
  }
  return step('attach', t);
}

/** A repeat of the same problem: attached to the open ticket and answered, naming it. */
export async function acknowledgeRepeat(
  ctx: BotContext,
  m: Mention,
  ticket: Ticket,
  match: RepeatMatch,
  decision: Decision,
): Promise<Ticket> {
  const { ticket: t } = await attachFollowUp(ctx.store, ticket._id, {
    tweetId: m._id,
    text: m.text,
    at: m.tweetCreatedAt ?? ctx.now(),
    reason: `repeat: ${match.reason}`,
  });
  await planFollowUpReply(ctx, m, t, 'repeat', langOf(decision, t));
  return t;
}

/** The tweet's own language; an emoji-only or mixed one takes the ticket's. */
function langOf(decision: Decision, t: Ticket): string | undefined {
  return decision.lang && decision.lang !== 'other' ? decision.lang : (t.lang ?? undefined);
}

function statusKind(t: Ticket, now: Date): FollowUpReply {
  if (t.status === 'resolved') return 'statusResolved';
  if (t.dueAt && new Date(t.dueAt) < now) return 'statusLate';
  return t.status === 'claimed' ? 'statusClaimed' : 'statusOpen';
}

let shipped: FollowUpTemplates | undefined;
const SHIPPED_RULES = path.resolve(__dirname, '..', '..', 'rules');

async function planFollowUpReply(
  ctx: BotContext,
  m: Mention,
  t: Ticket,
  kind: FollowUpReply,
  lang: string | undefined,
): Promise<void> {
  const policy = ctx.policy();
  // A pack without followUps replies answers with the shipped ones: never none.
  const templates = policy.templates.followUps
    ? policy.templates
    : { ...policy.templates, followUps: (shipped ??= loadTemplates(SHIPPED_RULES).followUps) };
  const n = t.followUps.findIndex((f) => f.tweetId === m._id);
  const text = renderFollowUp({
    templates,
    kind,
    lang: chooseReplyLang(lang, policy.agency),
    vars: {
      name: m.authorName ?? m.authorUsername ?? '',
      ticket: t._id,
      followup: n >= 0 ? n + 1 : t.followUps.length + 1,
      due: t.dueAt ?? undefined,
      category: t.category,
    },
    agency: policy.agency,
  });
  // False: planned by an earlier run of this step.
  await planReply(ctx.store, {
    _id: replyKeyFor(m._id),
    kind: 'ack',
    ticketRef: t._id,
    inReplyToTweetId: m._id,
    text,
    priority: t.priority,
    plannedAt: ctx.now(),
  });
}
