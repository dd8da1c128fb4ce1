// Staff correct a classification: category, priority, urgency, always with a reason. Through
// mutateTicket like every change (one winner; the history says who changed what from what).
// Corrected tickets become training material only when staff export and review them
// (`mujib training export`), never automatically.
import { dueDate } from '../sla/working-hours';
import type { WorkingCalendar } from '../sla/types';
import type { Store } from '../store/store';
import { recordTicketNotice } from '../store/tickets';
import { QueueError } from './errors';
import { mutateTicket } from './mutate';
import type { Ticket } from './types';

export interface TriageInput {
  as: string;
  category?: string;
  priority?: number;
  urgent?: boolean;
  reason: string;
  /** Category ids the rules know (a typo must not become a category). */
  categories?: readonly string[];
  /** The agency's calendar: a ticket staff make urgent becomes due within its urgent hours. */
  agency?: WorkingCalendar;
  now?: Date;
}

/** The history detail of a triage: "category roads → lighting; priority 3 → 1 — <reason>". */
export const TRIAGE_ACTION = 'triaged';

export async function triage(store: Store, ref: string, o: TriageInput): Promise<Ticket> {
  const as = (o.as ?? '').trim();
  if (!as) throw new QueueError('invalid', 'say who you are: --as NAME');
  const reason = (o.reason ?? '').trim();
  if (!reason) throw new QueueError('invalid', 'give a reason for the change');
  if (o.priority !== undefined && !(Number.isInteger(o.priority) && o.priority >= 1 && o.priority <= 4))
    throw new QueueError('invalid', 'priority must be 1 (urgent) to 4 (low)');
  if (o.category !== undefined && o.categories && !o.categories.includes(o.category))
    throw new QueueError('invalid', `unknown category '${o.category}'`);
  const now = o.now ?? new Date();
  const t = await mutateTicket(store, ref, as, now, (cur) => {
    const set: Record<string, unknown> = {};
    const parts: string[] = [];
    if (o.category !== undefined && o.category !== cur.category) {
      set.category = o.category;
      parts.push(`category ${cur.category} → ${o.category}`);
    }
    // A danger to life is priority 1, as the bot files it, whatever the form's priority said:
    // made urgent by staff, it goes to the top of the queue at once.
    const makingUrgent = o.urgent === true && !cur.urgent;
    const priority = makingUrgent ? 1 : o.priority;
    if (priority !== undefined && priority !== cur.priority) {
      set.priority = priority;
      parts.push(`priority ${cur.priority} → ${priority}`);
    }
    if (o.urgent !== undefined && o.urgent !== Boolean(cur.urgent)) {
      set.urgent = o.urgent;
      // An urgent ticket is always escalated (as the bot does it).
      if (o.urgent) set.escalated = true;
      parts.push(`urgent ${cur.urgent ? 'yes' : 'no'} → ${o.urgent ? 'yes' : 'no'}`);
    }
    // Due sooner, never later: the citizen was told the earlier time.
    if (makingUrgent && o.agency && cur.status !== 'resolved') {
      const due = dueDate(now, String(set.category ?? cur.category), true, o.agency);
      if (!cur.dueAt || due < cur.dueAt) set.dueAt = due;
    }
    if (!parts.length) throw new QueueError('invalid', `nothing to change on ${cur._id}`);
    // Staff corrected it: the model's confidence no longer describes this ticket.
    if (set.category) Object.assign(set, { source: 'staff', confidence: 1 });
    return { set, history: { action: TRIAGE_ACTION, detail: `${parts.join('; ')} — ${reason}` } };
  });
  // Made urgent by staff: supervisors are told like any urgent ticket (once).
  if (o.urgent) await recordTicketNotice(store, t, now);
  return t;
}
