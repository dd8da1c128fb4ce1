// Mentions that opened no ticket (spam, chatter, insults only, referrals; issue 13): listed for
// staff, and restorable to a ticket when the bot was wrong — a citizen left unanswered is the
// cost of a false spam, so putting it right must be one click. Restoring opens the ticket
// through openTicket (one per mention, ever: a double click gets the same ticket back).
import type { Store } from '../store/store';
import { findMention, markMentionRestored, mentionsWithOutcome } from '../store/tickets';
import type { Decision } from '../classify/types';
import type { DecideResult } from '../decide';
import { openTicket } from './open';
import { QueueError } from './errors';

export const NOT_COMPLAINTS = ['spam', 'chatter', 'abuse', 'referral'] as const;
export type NotComplaint = (typeof NOT_COMPLAINTS)[number];

export interface NotComplaintRow {
  id: string;
  text: string;
  authorUsername?: string;
  outcome: string;
  reason?: string;
  processedAt?: Date;
}

/** The latest mentions of one outcome (or all four), newest first; bounded by `limit`. */
export async function listNotComplaints(
  store: Store,
  o: { outcome?: NotComplaint; limit?: number } = {},
): Promise<NotComplaintRow[]> {
  const outcomes = o.outcome ? [o.outcome] : [...NOT_COMPLAINTS];
  const docs = await mentionsWithOutcome(store, outcomes, o.limit ?? 100);
  return docs.map((m) => {
    const c = (m.classification ?? {}) as { outcomeReason?: string; plan?: { reason?: string } };
    return {
      id: String(m._id),
      text: m.text,
      ...(m.authorUsername ? { authorUsername: m.authorUsername } : {}),
      outcome: m.outcome ?? '',
      ...(c.outcomeReason || c.plan?.reason ? { reason: c.outcomeReason ?? c.plan?.reason } : {}),
      ...(m.processedAt ? { processedAt: m.processedAt } : {}),
    };
  });
}

/** Opens a ticket for a mention the bot kept out of the queue; returns its reference. */
export async function restoreMention(
  store: Store,
  o: { mentionId: string; staff: string; prefix: string; timeZone: string; now?: Date },
): Promise<string> {
  const now = o.now ?? new Date();
  const m = await findMention(store, o.mentionId);
  if (!m) throw new QueueError('not_found', `no mention ${o.mentionId}`);
  if (m.ticketRef) return m.ticketRef; // already restored (or never kept out)
  const was = m.outcome ?? 'unknown';
  const c = (m.classification ?? {}) as Partial<Decision>;
  const decision: Decision = {
    lang: c.lang ?? 'other',
    category: 'other',
    confidence: 0,
    source: 'fallback',
    urgent: false,
    needsTriage: true,
  };
  const outcome: DecideResult = {
    action: 'acknowledge',
    escalate: true,
    priority: 3,
    autoResolve: false,
    template: 'none',
    reason: `restored from ${was} by ${o.staff}: a person triages it`,
  };
  const { ticket } = await openTicket(store, {
    mention: {
      id: String(m._id),
      authorId: m.authorId,
      ...(m.authorUsername ? { authorUsername: m.authorUsername } : {}),
      conversationId: m.conversationId ?? String(m._id),
    },
    decision,
    outcome,
    prefix: o.prefix,
    timeZone: o.timeZone,
    now,
  });
  await markMentionRestored(store, m._id, ticket._id);
  return ticket._id;
}
