// The SLA sweep (scheduled by the bot with node-cron): tickets past their due time are marked
// breached and raised one priority step, once: each change is decided on the ticket's
// current state through mutateTicket, so concurrent sweeps never raise a ticket twice.
import type { Store } from '../store/store';
import { mutateTicket } from './mutate';
import { recordSlaBreach, ticketsDueBefore } from '../store/tickets';
import { BOT } from './types';

export interface SweepResult {
  /** Unresolved, not yet breached tickets past due that were looked at. */
  checked: number;
  /** Newly marked breached by this sweep. */
  breached: number;
  /** Of those, how many moved up a priority step (those at 1 stay at 1). */
  raised: number;
}

export async function sweepSla(store: Store, now = new Date()): Promise<SweepResult> {
  const due = await ticketsDueBefore(store, now);
  const result: SweepResult = { checked: due.length, breached: 0, raised: 0 };
  for (const t of due) {
    let raised = false;
    let marked = false;
    await mutateTicket(store, t._id, BOT, now, (cur) => {
      // Decided again on the current state: another sweep or a resolve may have come first.
      marked = raised = false;
      if (cur.breached || cur.status === 'resolved' || !cur.dueAt || cur.dueAt >= now) return null;
      const priority = Math.max(1, cur.priority - 1);
      marked = true;
      raised = priority !== cur.priority;
      return {
        set: { breached: true, priority },
        history: {
          action: 'sla-breached',
          detail: `due ${cur.dueAt.toISOString()}; priority ${cur.priority} → ${priority}`,
        },
      };
    });
    if (marked) {
      result.breached++;
      await recordSlaBreach(store, t._id, now);
    }
    if (raised) result.raised++;
  }
  return result;
}
