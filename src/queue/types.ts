import type { TicketDoc } from '../store/models';

/** A ticket as read from the database (lean), with its reference as _id. */
export type Ticket = TicketDoc & { _id: string; createdAt?: Date; updatedAt?: Date };

export interface HistoryEntry {
  at: Date;
  by: string;
  action: string;
  detail?: string;
}

/** Who the bot itself is in ticket histories. */
export const BOT = 'mujib';
