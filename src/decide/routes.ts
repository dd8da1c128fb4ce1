// Top-priority tweets: danger to life (emergency), bribery (integrity), threats and self-harm
// (crisis). Each is priority 1, escalated at once, due within sla.urgentHours — never days —
// and has a reply of its own (escalation.yml `routes`, templates.yml). Pure, like decide().
import type { Decision } from '../classify/types';
import type { Agency } from '../rules/agency';
import type { EscalationPolicy } from '../rules/escalation';
import { dueDate } from '../sla';
import type { DecideResult, ReplyRoute } from './types';

export function decideRoute(
  decision: Decision,
  ctx: { agency: Agency; escalation: EscalationPolicy; now: Date },
  afterHours: boolean,
): DecideResult | undefined {
  if (!decision.urgent) return undefined;
  const { routes } = ctx.escalation;
  const category = decision.category;
  const route = decision.route ?? 'emergency';
  const why =
    decision.urgency?.reason ?? (decision.urgentTerm ? `urgent term '${decision.urgentTerm}'` : 'urgent');
  const team =
    route === 'crisis'
      ? routes.crisis.team
      : route === 'integrity'
        ? routes.integrity.team
        : routes.emergency.team;
  let replyRoute: ReplyRoute | undefined;
  let template = 'urgent.ack';
  if (route === 'integrity') {
    replyRoute = 'integrity';
    template = 'integrity';
  } else if (decision.crisis === 'self_harm') {
    replyRoute = 'self_harm';
    template = 'crisis.selfHarm';
  } else if (decision.crisis === 'threat') {
    replyRoute = 'threat';
    template = routes.crisis.threat.reply === 'none' ? 'none' : 'crisis.threat';
  }
  const reply =
    template === 'none'
      ? undefined
      : {
          kind: 'ack' as const,
          category,
          afterHours,
          urgent: true,
          ...(replyRoute ? { route: replyRoute } : {}),
          ...(replyRoute === 'self_harm' ? { crisisLine: routes.crisis.selfHarm.crisisLine } : {}),
        };
  return {
    action: 'acknowledge',
    escalate: true,
    priority: 1,
    dueAt: dueDate(ctx.now, category, true, ctx.agency),
    autoResolve: false,
    template,
    route,
    reason: `${why} → ${route} route (${team}): priority 1, escalated at once (${category})${template === 'none' ? '; no reply (routes.crisis.threat.reply: none)' : ''}`,
    ...(reply ? { reply } : {}),
  };
}
