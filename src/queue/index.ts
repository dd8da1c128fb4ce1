// The escalation queue: tickets, their follow-ups, staff actions and the SLA sweep.
export { QueueError, type QueueErrorCode } from './errors';
export { openTicket, type OpenTicketInput } from './open';
export {
  findOpenTicketForThread,
  findRepeat,
  attachFollowUp,
  countRecentTickets,
  findTicketOfTweet,
} from './threads';
export { claim, release, note, resolve, reopen, DEFAULT_LEASE_MS } from './transitions';
export { listTickets, getTicket, STATUS_FILTERS, type ListQuery, type StatusFilter } from './list';
export { sweepSla, type SweepResult } from './sweep';
export { triage, TRIAGE_ACTION, type TriageInput } from './triage';
export { assign } from './assign';
export { planStaffReply, checkStaffReply, ticketReplies, ACTION_ID } from './staff-reply';
export { authorTickets, type AuthorTicket } from './lookups';
export { escalateByBot, recordStaleReply } from './bot-notes';
export { planResolvedReply, type PlannedReply } from './resolved-reply';
export { BOT, type Ticket, type HistoryEntry } from './types';
export { formatTicketTable, formatTicketDetail, localTime, relative } from './format';
