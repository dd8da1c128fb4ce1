export type { Ticket, HistoryEntry } from '../store/tickets';

/** Who the bot itself is in ticket histories. */
export const BOT = 'mujib';
