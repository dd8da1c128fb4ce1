// Mentions that are not complaints (issue 13), decided in one place: spam, chatter and
// insult-only tweets open no ticket and get no reply (unless the agency configured a neutral
// reply to insults); another agency's matter gets a referral reply and no ticket. Each carries
// its outcome and a reason, stored on the mention, so nothing looks lost. Pure.
import type { Decision } from '../classify/types';
import type { DecideContext, DecideResult } from './types';

/** The plan for a mention that opens no ticket, or undefined for a complaint/inquiry/praise. */
export function decideOutcome(
  d: Decision,
  ctx: DecideContext & { abuseReply?: boolean },
): DecideResult | undefined {
  if (d.urgent) return undefined;
  const none = (reason: string, notice?: DecideResult['notice']): DecideResult => ({
    action: 'ignore',
    escalate: false,
    priority: 4,
    autoResolve: true,
    template: notice ? `${notice.kind}.reply` : 'none',
    reason: d.outcomeReason ?? reason,
    outcome: d.outcome!,
    ...(notice ? { notice } : {}),
  });
  switch (d.outcome) {
    case 'spam':
      return none('spam: no ticket, no reply');
    case 'chatter':
      return none('chatter: nothing asked, no ticket, no reply');
    case 'abuse':
      return none('insults only: no ticket', ctx.abuseReply ? { kind: 'abuse' } : undefined);
    case 'referral':
      return none("another agency's matter: referred, no ticket", {
        kind: 'referral',
        ...(d.agency ? { agency: d.agency } : {}),
      });
    default:
      return undefined;
  }
}

/** A complaint that also insults is still the complaint, flagged for staff; sarcasm is never
 *  thanked nor closed by the bot. */
export function flagOutcome(d: Decision, plan: DecideResult): DecideResult {
  let out = plan;
  if (d.insult)
    out = { ...out, escalate: true, reason: `${out.reason}; insults in the tweet: flagged for staff` };
  if (d.sarcasm)
    out = {
      ...out,
      autoResolve: false,
      reason: `${out.reason}; sarcasm (${d.outcomeReason ?? 'praise over a complaint'})`,
    };
  // The pack's "other without triage" closes off-topic tweets unanswered: chatter.
  const outcome =
    out.action === 'ignore' && (d.outcome ?? 'complaint') === 'complaint'
      ? 'chatter'
      : (d.outcome ?? 'complaint');
  return { ...out, outcome };
}
