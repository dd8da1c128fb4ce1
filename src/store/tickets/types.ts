// What the rest of the code sees of a ticket: the lean document with its reference as _id.
// Defined here so that nothing outside src/store/ needs the mongoose model's types.
import type { TicketDoc } from '../models';

/** A ticket as read from the database (lean), with its reference as _id. */
export type Ticket = TicketDoc & { _id: string; createdAt?: Date; updatedAt?: Date };

export interface HistoryEntry {
  at: Date;
  by: string;
  action: string;
  detail?: string;
}
