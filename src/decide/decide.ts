// What to do with one classified tweet: reply how, escalate or not, at what priority, due
// when. Pure: everything it needs arrives in `ctx`, so every branch is testable and every
// outcome carries a one-line reason staff can read.
import type { Decision } from '../classify/types';
import type { Priority } from '../rules/escalation';
import { dueDate, isWorkingTime } from '../sla';
import { decideRoute } from './routes';
import { decideOutcome, flagOutcome } from './outcomes';
import type { DecideContext, DecideResult, ReplyKind } from './types';

const clampPriority = (p: number): Priority => Math.min(4, Math.max(1, Math.round(p))) as Priority;

export function decide(decision: Decision, ctx: DecideContext): DecideResult {
  // Spam, chatter, insults only, other agencies: no ticket (outcomes.ts).
  const other = decideOutcome(decision, ctx);
  if (other) return other;
  return flagOutcome(decision, decideComplaint(decision, ctx));
}

function decideComplaint(decision: Decision, ctx: DecideContext): DecideResult {
  const { agency, escalation: policy, now } = ctx;
  const category = decision.category;
  const afterHours = agency.afterHours.useAfterHoursTemplates && !isWorkingTime(now, agency);
  const variant = afterHours ? 'afterHours' : 'ack';
  const basePriority = policy.priorities.categories[category] ?? policy.priorities.default;

  // Danger to life, bribery, threats, self-harm: their own routes (routes.ts).
  const routed = decideRoute(decision, ctx, afterHours);
  if (routed) return routed;

  const unsure = decision.needsTriage || decision.confidence < policy.triage.minConfidence;
  if (unsure) {
    const why = decision.needsTriage
      ? 'no confident category'
      : `confidence ${decision.confidence.toFixed(2)} < ${policy.triage.minConfidence}`;
    return complaint({
      category: 'other',
      priority: policy.priorities.default,
      escalate: true,
      reason: `${why} (guess: ${category}): a human must triage`,
    });
  }

  if (category === 'praise' && policy.autoResolve.praise) {
    return closed('answer', 'praise.ack', { kind: 'ack', category }, 'praise: thanked and closed');
  }

  if (category === 'inquiry' && ctx.answer && policy.autoResolve.answeredInquiries) {
    return closed(
      'answer',
      `inquiry.answers.${ctx.answer}`,
      { kind: 'answer', category, answer: ctx.answer },
      `inquiry answered from template '${ctx.answer}' and closed`,
    );
  }

  if (category === 'other' && policy.autoResolve.otherWithoutTriage) {
    return {
      action: 'ignore',
      escalate: false,
      priority: 4,
      autoResolve: true,
      template: 'none',
      reason: `other (${decision.source}${decision.rule ? ` ${decision.rule}` : ''}): spam or off-topic, not answered`,
    };
  }

  const always = policy.alwaysEscalate.includes(category);
  return complaint({
    category,
    priority: basePriority,
    escalate: always,
    reason: `${category} (${decision.source}${decision.rule ? ` ${decision.rule}` : `, ${decision.confidence.toFixed(2)}`})${always ? ': always escalated' : ''}`,
  });

  function complaint(o: {
    category: string;
    priority: Priority;
    escalate: boolean;
    reason: string;
  }): DecideResult {
    let { priority, escalate, reason } = o;
    const total = ctx.recentTicketsByAuthor + 1;
    if (total >= policy.repeat.tickets) {
      priority = clampPriority(priority - policy.repeat.raisePriorityBy);
      escalate = true;
      reason += `; repeat: ${total} tickets in ${policy.repeat.withinDays} days → escalated, priority ${priority}`;
    }
    return {
      action: 'acknowledge',
      escalate,
      priority,
      dueAt: dueDate(now, o.category === 'other' ? category : o.category, false, agency),
      autoResolve: false,
      template: `${o.category}.${variant}`,
      reason,
      reply: { kind: 'ack', category: o.category, afterHours, urgent: false },
    };
  }

  function closed(
    action: 'answer',
    template: string,
    reply: { kind: ReplyKind; category: string; answer?: string },
    reason: string,
  ): DecideResult {
    return {
      action,
      escalate: false,
      priority: clampPriority(basePriority),
      autoResolve: true,
      template,
      reason,
      reply: { ...reply, afterHours: false, urgent: false },
    };
  }
}
