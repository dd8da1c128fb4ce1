// The citizen's recent tickets, as kept in their `author-tickets:<X id>` lookup document
// (lookups.ts). Pure: which entries the document keeps when a ticket is added.

export interface AuthorTicket {
  ref: string;
  category: string;
  at: Date;
}

/** Longer than any repeat window or repeat-complainer count reads back (escalation.yml). */
export const KEEP_DAYS = 60;

/**
 * The list after `added` is recorded: entries older than `keepDays` before the new ticket are
 * dropped (the document stays small however long the citizen has tweeted), an earlier entry
 * for the same reference is replaced (a retry after a crash records it again), and the new
 * ticket comes last.
 */
export function keptAuthorTickets(
  list: readonly AuthorTicket[],
  added: AuthorTicket,
  keepDays = KEEP_DAYS,
): AuthorTicket[] {
  const cutoff = added.at.getTime() - keepDays * 86_400_000;
  const kept = list.filter((x) => x.at.getTime() >= cutoff && x.ref !== added.ref);
  return [...kept, { ref: added.ref, category: added.category, at: added.at }];
}
