// Models are bound to a connection (not mongoose's global one) so that tests, the sandbox
// and several bot instances can each hold their own database in one process.
import type { Connection, Model } from 'mongoose';
import { mentionSchema, type MentionDoc } from './mention';
import { ticketSchema, type TicketDoc } from './ticket';
import { replySchema, type ReplyDoc } from './reply';
import { stateSchema, type StateDoc } from './state';
import { counterSchema, type CounterDoc } from './counter';
import { staffSchema, type StaffDoc } from './staff';
import { sessionSchema, type SessionDoc } from './session';
import { notificationSchema, type NotificationDoc } from './notification';

export interface Models {
  Mention: Model<MentionDoc>;
  Ticket: Model<TicketDoc>;
  Reply: Model<ReplyDoc>;
  State: Model<StateDoc>;
  Counter: Model<CounterDoc>;
  Staff: Model<StaffDoc>;
  Session: Model<SessionDoc>;
  Notification: Model<NotificationDoc>;
}

const cache = new WeakMap<Connection, Models>();

export function modelsFor(conn: Connection): Models {
  let m = cache.get(conn);
  if (!m) {
    m = {
      Mention: conn.model<MentionDoc>('Mention', mentionSchema),
      Ticket: conn.model<TicketDoc>('Ticket', ticketSchema),
      Reply: conn.model<ReplyDoc>('Reply', replySchema),
      State: conn.model<StateDoc>('State', stateSchema),
      Counter: conn.model<CounterDoc>('Counter', counterSchema),
      Staff: conn.model<StaffDoc>('Staff', staffSchema),
      Session: conn.model<SessionDoc>('Session', sessionSchema),
      Notification: conn.model<NotificationDoc>('Notification', notificationSchema),
    };
    cache.set(conn, m);
  }
  return m;
}

/** Creates the collections and their declared indexes (idempotent). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection().catch((e: { codeName?: string; code?: number }) => {
      if (e.codeName !== 'NamespaceExists' && e.code !== 48) throw e;
    });
    await model.syncIndexes();
  }
}

export type { MentionDoc, TicketDoc, ReplyDoc, StateDoc, CounterDoc, StaffDoc, SessionDoc, NotificationDoc };
