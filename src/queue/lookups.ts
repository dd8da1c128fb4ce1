// The lookup documents (a citizen's tickets, a thread's ticket, a follow-up's ticket) are the
// store's: src/store/tickets/lookups.ts keeps them. Re-exported for the queue's callers.
export { authorTickets, type AuthorTicket } from '../store/tickets';
