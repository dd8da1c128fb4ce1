// Notifications to staff (src/notify). Two kinds of document, both keyed so that a unique
// insert decides (the one atomic primitive on FerretDB v1 and MongoDB alike):
//   event:<event>:<subject>               something happened (an urgent ticket, a stopped
//                                         channel); written where it happens, once
//   notify:<event>:<subject>:<recipient>  one delivery of that event to one recipient
//                                         (webhook or e-mail), with its retries
// The collection grows with notifications only (a few a day), never with mentions.
import { Schema, type InferSchemaType } from 'mongoose';

export const NOTIFICATION_STATUSES = ['new', 'fanned', 'pending', 'sent', 'failed', 'skipped'] as const;

export const notificationSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['event', 'delivery'], required: true },
    event: { type: String, required: true },
    /** A ticket reference, or what stopped ('x-credentials'). */
    subject: { type: String, required: true },
    ticketRef: { type: String },
    /** The recipient (delivery only): '<name>.webhook' / '<name>.email'. */
    recipient: { type: String },
    detail: { type: String },
    status: { type: String, enum: NOTIFICATION_STATUSES, required: true },
    attempts: { type: Number, default: 0 },
    /** Not before (quiet hours, back-off). */
    notBefore: { type: Date },
    lastError: { type: String },
    at: { type: Date, required: true },
    sentAt: { type: Date },
  },
  { collection: 'notifications', versionKey: false },
);

notificationSchema.index({ status: 1, notBefore: 1 });
notificationSchema.index({ at: -1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema>;
