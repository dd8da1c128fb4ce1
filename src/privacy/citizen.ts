// A citizen's own requests under the PDPL: a copy of what we hold about them, and erasure.
// Erasure blanks their posts, name, handle and our replies' text, drops their author id and
// lookups, withdraws replies not yet posted, and notes it on their tickets — whose records
// (category, dates, status) stay, as retention keeps them. Their tweets' ids stay too: they
// are what stops the same post being answered again.
import type { Store } from '../store/store';
import {
  citizenIds,
  citizenRecords,
  ERASED,
  forgetAuthorLookups,
  normaliseHandle,
  redactMentions,
  withdrawPlannedReplies,
  type CitizenRecords,
} from '../store/privacy';
import { redactTicket } from './redact-ticket';

export interface CitizenExport extends CitizenRecords {
  handle: string;
  authorIds: string[];
  exportedAt: string;
}

export async function exportCitizen(store: Store, handle: string, now = new Date()): Promise<CitizenExport> {
  const authorIds = await citizenIds(store, handle);
  const records = authorIds.length
    ? await citizenRecords(store, authorIds)
    : { mentions: [], tickets: [], replies: [] };
  return { handle: `@${normaliseHandle(handle)}`, authorIds, exportedAt: now.toISOString(), ...records };
}

export interface EraseResult {
  authorIds: string[];
  mentions: number;
  tickets: number;
  replies: number;
  withdrawn: number;
}

export async function eraseCitizen(
  store: Store,
  handle: string,
  o: { by: string; now?: Date },
): Promise<EraseResult> {
  const now = o.now ?? new Date();
  const authorIds = await citizenIds(store, handle);
  const empty = { authorIds, mentions: 0, tickets: 0, replies: 0, withdrawn: 0 };
  if (!authorIds.length) return empty;
  const { mentions, tickets } = await citizenRecords(store, authorIds);
  const tweetIds = mentions.map((m) => String(m._id));
  const withdrawn = await withdrawPlannedReplies(store, tweetIds);
  const r = await redactMentions(store, tweetIds, {
    now,
    why: `erased at the citizen's request (${o.by})`,
    erase: true,
  });
  for (const t of tickets)
    await redactTicket(store, String(t._id), now, {
      by: o.by,
      why: "erased at the citizen's request",
      erase: true,
    });
  await forgetAuthorLookups(store, authorIds);
  return { authorIds, mentions: r.mentions, tickets: tickets.length, replies: r.replies, withdrawn };
}

export { ERASED };
