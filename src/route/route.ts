// What the bot does with one stored mention, decided without I/O: facts.ts gathers what is
// known (the thread's ticket, the classification, the citizen's open complaint it may repeat),
// route() decides, pipeline.ts applies. No clock either: the time arrives in the facts, so every
// branch is a plain unit test (test/route.test.ts), and the console's playground shows staff
// exactly what the bot would do with a tweet (console/playground/explain.ts).
import type { Decision } from '../classify/types';
import type { RepeatMatch } from '../decide/repeat';
import { decide, type DecideResult as Plan } from '../decide';
import type { Ticket } from '../queue/types';
import { doneByTweet } from '../queue/follow-up-marks';
import { followUpIntent } from '../followup/intent';
import { planThreadReply, type ThreadAction } from '../followup/plan';
import { chooseAnswer, chooseReplyLang } from '../reply';
import type { Policy } from '../policy/policy';

export interface RouteFacts {
  now: Date;
  mention: { id: string; text: string };
  policy: Pick<Policy, 'agency' | 'escalation' | 'templates' | 'followUps' | 'outcomes'>;
  /** The mention replies in a thread that has a ticket: that ticket, and what the reply says. */
  thread?: { ticket: Ticket; said: Decision };
  /** Gathered only when the thread does not take the mention (see threadRoute). */
  complaint?: ComplaintFacts;
}

export interface ComplaintFacts {
  /** The classification of the mention with the post it quotes. */
  decision: Decision;
  /** The citizen's open ticket about the same problem, if any (queue/repeats.ts). */
  repeat: { ticket?: Ticket; match: RepeatMatch };
  /** The citizen's tickets within escalation.repeat.withinDays (repeat complainers rank higher). */
  recentTicketsByAuthor: number;
}

/** Everything the apply step does, named; `reason` is one line for logs and staff. */
export type RouteDecision =
  /** A reply in its ticket's thread (status ask, "still broken", thanks, details): bot/follow-ups.ts. */
  | { kind: 'follow-up'; reason: string; ticket: Ticket; said: Decision; action: ThreadAction }
  /** A danger told in a thread or a repeat: the existing ticket turns urgent, urgent reply, attach. */
  | {
      kind: 'escalate-existing';
      reason: string;
      why: 'thread' | 'repeat';
      ticket: Ticket;
      decision: Decision;
      plan: Plan;
    }
  /** The same problem again: attached to the open ticket, answered naming it. */
  | { kind: 'attach-repeat'; reason: string; ticket: Ticket; match: RepeatMatch; decision: Decision }
  /** A complaint (or answerable inquiry) of its own: a ticket, and the reply if the plan has one. */
  | { kind: 'open-ticket'; reason: string; decision: Decision; plan: Plan }
  /** No ticket, a reply all the same (a referral, the neutral answer to insults). */
  | { kind: 'notice'; reason: string; decision: Decision; plan: Plan; notice: NonNullable<Plan['notice']> }
  /** No ticket, no reply (spam, chatter, praise the rules do not answer): stored and counted. */
  | { kind: 'ignore'; reason: string; decision: Decision; plan: Plan };

export function route(f: RouteFacts): RouteDecision {
  const inThread = threadRoute(f);
  if (inThread) return inThread;
  if (!f.complaint) throw new Error(`route: no complaint facts for mention ${f.mention.id}`);
  return complaintRoute(f, f.complaint);
}

/**
 * The thread's say, if it has one: undefined when the mention is not a reply in a ticket's
 * thread, or is a new problem told in the thread of a resolved ticket (a complaint of its own).
 */
export function threadRoute(f: RouteFacts): RouteDecision | undefined {
  const t = f.thread;
  // The own-ticket guard: a ticket opened for this very mention by a run that crashed is not
  // someone else's thread (nor, below, an earlier complaint the mention repeats).
  if (!t || t.ticket.mentionId === f.mention.id) return undefined;
  const action = planThreadReply({
    intent: followUpIntent(f.mention.text, f.policy.followUps).intent,
    urgent: t.said.urgent,
    ticket: t.ticket,
    policy: f.policy.escalation.followUps,
    doneByThisTweet: doneByTweet(t.ticket, f.mention.id),
  });
  if (action.do === 'newComplaint') return undefined;
  if (action.do === 'escalate') return escalateExisting(f, t.ticket, t.said, 'thread');
  const reason = `reply in the thread of ${t.ticket._id}: ${action.do}`;
  return { kind: 'follow-up', reason, ticket: t.ticket, said: t.said, action };
}

function complaintRoute(f: RouteFacts, c: ComplaintFacts): RouteDecision {
  const { decision } = c;
  const same = c.repeat.ticket && c.repeat.ticket.mentionId !== f.mention.id ? c.repeat.ticket : undefined;
  // A danger is never swallowed by an earlier routine ticket: that ticket becomes urgent.
  if (same && decision.urgent && !same.urgent) return escalateExisting(f, same, decision, 'repeat');
  if (same)
    return {
      kind: 'attach-repeat',
      reason: c.repeat.match.reason,
      ticket: same,
      match: c.repeat.match,
      decision,
    };

  const { policy } = f;
  const lang = chooseReplyLang(decision.lang, policy.agency);
  // Inquiries the templates can answer (hours, documents, where to go) are resolved by the bot.
  const answer =
    decision.category === 'inquiry' ? chooseAnswer(policy.templates, f.mention.text, lang) : undefined;
  const plan = decide(decision, {
    agency: policy.agency,
    escalation: policy.escalation,
    now: f.now,
    recentTicketsByAuthor: c.recentTicketsByAuthor,
    answer,
    abuseReply: !!policy.outcomes.abuse.reply,
  });
  if (plan.action !== 'ignore') return { kind: 'open-ticket', reason: plan.reason, decision, plan };
  if (plan.notice) return { kind: 'notice', reason: plan.reason, decision, plan, notice: plan.notice };
  return { kind: 'ignore', reason: plan.reason, decision, plan };
}

function escalateExisting(
  f: RouteFacts,
  ticket: Ticket,
  decision: Decision,
  why: 'thread' | 'repeat',
): RouteDecision {
  const plan = decide(decision, {
    agency: f.policy.agency,
    escalation: f.policy.escalation,
    now: f.now,
    recentTicketsByAuthor: 0,
  });
  return { kind: 'escalate-existing', reason: plan.reason, why, ticket, decision, plan };
}
