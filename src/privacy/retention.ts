// Daily retention (rules/privacy.yml): blanks personal data past its time. Tickets resolved
// more than resolvedTicketMonths ago lose their citizen's text, name and handle (the record
// stays); mentions that opened no ticket go after withoutTicketMonths; the staff access log
// after accessLogMonths. Bounded per run, so a first run over years of history is spread
// over nights instead of one long pause; what is left is done the next night.
import type { Store } from '../store/store';
import {
  mentionIdsOfTickets,
  redactMentions,
  ticketsDueForRedaction,
  untickettedDueForRedaction,
} from '../store/privacy';
import { pruneAccessLog } from '../store/access-log';
import { BOT } from '../queue/types';
import { monthsBefore, type PrivacyPolicy } from './policy';
import { redactTicket } from './redact-ticket';

export interface RetentionResult {
  tickets: number;
  mentions: number;
  replies: number;
  accessLog: number;
}

export async function applyRetention(
  store: Store,
  policy: PrivacyPolicy,
  now = new Date(),
): Promise<RetentionResult> {
  const out: RetentionResult = { tickets: 0, mentions: 0, replies: 0, accessLog: 0 };
  const due = await ticketsDueForRedaction(store, monthsBefore(now, policy.resolvedTicketMonths));
  const why = `kept ${policy.resolvedTicketMonths} months after resolution (rules/privacy.yml)`;
  if (due.length) {
    const ids = new Set(
      await mentionIdsOfTickets(
        store,
        due.map((t) => t._id),
      ),
    );
    for (const t of due) {
      ids.add(t.mentionId);
      for (const f of t.followUps ?? []) ids.add(f.tweetId);
    }
    const r = await redactMentions(store, [...ids], { now, why });
    out.mentions += r.mentions;
    out.replies += r.replies;
    for (const t of due) if (await redactTicket(store, t._id, now, { by: BOT, why })) out.tickets++;
  }
  const loose = await untickettedDueForRedaction(store, monthsBefore(now, policy.withoutTicketMonths));
  const r = await redactMentions(store, loose, {
    now,
    why: `no ticket; kept ${policy.withoutTicketMonths} months`,
  });
  out.mentions += r.mentions;
  out.replies += r.replies;
  out.accessLog = await pruneAccessLog(store, monthsBefore(now, policy.accessLogMonths));
  return out;
}
