// The tickets' store: the escalation queue's persistence, named for what the queue asks of
// it. The FerretDB-safe protocols (unique-insert version tokens, mention bindings, lookup
// documents) live here; the rules of the queue (who may do what, what a repeat is) live in
// src/queue/, which calls these.
export { mutateTicket, type Change, type Mutation } from './mutate';
export {
  findTicket,
  insertTicket,
  ticketsDueBefore,
  ticketsWithActionSince,
  type NewTicket,
} from './tickets';
export { listTickets, type ListQuery, type StatusFilter } from './list';
export { boundTicketRef, bindTicket } from './bindings';
export {
  authorTickets,
  recordTicketLookups,
  threadTicketRef,
  recordFollowUpLookup,
  ticketRefOfTweet,
  followUpKey,
  type AuthorTicket,
} from './lookups';
export { keptAuthorTickets, KEEP_DAYS } from './author-list';
export {
  mentionText,
  mentionAuthorName,
  findMention,
  mentionsWithOutcome,
  markMentionRestored,
  type StoredMention,
} from './mentions';
export {
  findReply,
  planReplyOnce,
  ticketReplies,
  urgentPendingAck,
  type TicketReply,
  type NewTicketReply,
} from './replies';
export { recordTicketNotice, recordSlaBreach } from './events';
export type { Ticket, HistoryEntry } from './types';
