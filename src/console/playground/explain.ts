// The playground's answer for one pasted tweet: what the classifier saw and decided, what
// the bot would do with it (the pipeline's own route(), bot/route.ts), and the reply that would
// go out (same functions as the bot's pipeline, nothing stored, nothing sent).
import type { ActiveRules } from '../../policy/runtime';
import type { Explanation } from '../../classify/classifier';
import type { DecideResult } from '../../decide';
import { route, type RouteDecision } from '../../route/route';
import { chooseReplyLang, MAX_WEIGHTED_LENGTH, renderReply, weightedLength } from '../../reply';
import { type ReplyLang } from '../../text/lang';
import { formatTicketRef } from '../../tickets/ref';
import { toLocal } from '../../sla/zone';
import { renderNotice } from '../../outcome/render';

export const MAX_PLAYGROUND_CHARS = 1000;

export interface PlaygroundResult {
  text: string;
  explanation: Explanation;
  plan: DecideResult;
  /** What the bot would do (route()'s kind: open-ticket, notice, ignore) and why. */
  route: { kind: RouteDecision['kind']; reason: string };
  replyLang: ReplyLang;
  reply?: { text: string; weightedLength: number; max: number };
  replyError?: string;
  exampleRef: string;
}

export function explainTweet(
  rules: ActiveRules,
  text: string,
  o: { now?: Date; prefix?: string } = {},
): PlaygroundResult {
  const now = o.now ?? new Date();
  const { policy, classifier } = rules;
  const explanation = classifier.explain(text);
  const decision = explanation.decision;
  const replyLang = chooseReplyLang(decision.lang, policy.agency);
  // A first-time citizen, outside any thread: the playground does not look anyone up.
  const routed = route({
    now,
    mention: { id: 'playground', text },
    policy,
    complaint: {
      decision,
      repeat: { match: { score: 0, reason: 'the playground looks up no earlier ticket' } },
      recentTicketsByAuthor: 0,
    },
  });
  if (!('plan' in routed)) throw new Error(`the playground cannot show a ${routed.kind}`);
  const plan = routed.plan;
  const local = toLocal(now, policy.agency.timeZone);
  const exampleRef = formatTicketRef({
    prefix: o.prefix ?? 'AM',
    year: local.year,
    month: local.month,
    number: 42,
  });
  const result: PlaygroundResult = {
    text,
    explanation,
    plan,
    route: { kind: routed.kind, reason: routed.reason },
    replyLang,
    exampleRef,
  };
  if (plan.reply) {
    try {
      const r = renderReply({
        templates: policy.templates,
        kind: plan.reply.kind,
        category: plan.reply.category,
        lang: replyLang,
        afterHours: plan.reply.afterHours,
        urgent: plan.reply.urgent,
        ...(plan.reply.route ? { route: plan.reply.route, crisisLine: plan.reply.crisisLine } : {}),
        ...(plan.reply.answer ? { answer: plan.reply.answer } : {}),
        vars: { name: '', ticket: exampleRef, ...(plan.dueAt ? { due: plan.dueAt } : {}) },
        agency: policy.agency,
      });
      result.reply = { text: r, weightedLength: weightedLength(r), max: MAX_WEIGHTED_LENGTH };
    } catch (e) {
      result.replyError = (e as Error).message;
    }
  }
  // A referral (or the neutral reply to insults): a reply without a ticket (issue 13).
  if (!plan.reply && plan.notice) {
    const r = renderNotice(policy.outcomes, plan.notice, replyLang, { name: '', tweetId: '000042' });
    if (r) result.reply = { text: r, weightedLength: weightedLength(r), max: MAX_WEIGHTED_LENGTH };
  }
  return result;
}
