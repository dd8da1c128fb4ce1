// A ticket is one complaint (or question) with a human-friendly reference, e.g. AM-2611-0042.
// _id is the reference itself so it is unique by construction.
import { Schema, type InferSchemaType } from 'mongoose';
import { dayFields } from './day-fields';
import { writtenHour } from './written-hour';

export const TICKET_STATUSES = ['open', 'claimed', 'resolved'] as const;

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    action: { type: String, required: true },
    detail: { type: String },
  },
  { _id: false },
);

const noteSchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    text: { type: String, required: true },
  },
  { _id: false },
);

const followUpSchema = new Schema(
  { tweetId: { type: String, required: true }, at: { type: Date, required: true }, text: { type: String } },
  { _id: false },
);

export const ticketSchema = new Schema(
  {
    _id: { type: String, required: true },
    mentionId: { type: String, required: true },
    conversationId: { type: String },
    authorId: { type: String, required: true },
    authorUsername: { type: String },
    lang: { type: String },
    category: { type: String, required: true },
    confidence: { type: Number },
    source: { type: String },
    rule: { type: String },
    urgent: { type: Boolean, default: false },
    /** The top-priority route the tweet took (emergency, integrity, crisis), if any. */
    route: { type: String },
    /** 1 = urgent … 4 = low. Lower sorts first. */
    priority: { type: Number, required: true, default: 3 },
    escalated: { type: Boolean, default: false },
    status: { type: String, enum: TICKET_STATUSES, default: 'open' },
    dueAt: { type: Date },
    breached: { type: Boolean, default: false },
    claimedBy: { type: String },
    leaseUntil: { type: Date },
    notes: { type: [noteSchema], default: [] },
    followUps: { type: [followUpSchema], default: [] },
    history: { type: [historySchema], default: [] },
    resolvedAt: { type: Date },
    /** Set when a resolved ticket is put back in the queue (by staff, or a citizen saying
     *  it is not fixed): the console shows a "reopened" badge while it is unresolved. */
    reopenedAt: { type: Date },
    reopenCount: { type: Number },
    /** The bot's last status reply (or new-details acknowledgement) in the ticket's thread:
     *  at most one per escalation.yml followUps.statusReplyEveryHours, across restarts. */
    lastThreadReply: { type: new Schema({ at: Date, tweetId: String }, { _id: false }) },
  },
  { collection: 'tickets', versionKey: false, timestamps: true },
);

ticketSchema.index({ status: 1, priority: 1, dueAt: 1 });
// The console's lists in queue order and their counts per category, read from indexes (store/queue-page.ts).
ticketSchema.index({ priority: 1, dueAt: 1, _id: 1 });
ticketSchema.index({ category: 1 });
ticketSchema.index({ status: 1, category: 1 });
ticketSchema.index({ conversationId: 1 });
ticketSchema.index({ authorId: 1, createdAt: -1 });
// One ticket per root mention: a retried pipeline step can never open a second one.
ticketSchema.index({ mentionId: 1 }, { unique: true });
// Today's tickets and resolutions by equality on a day (the dashboard; see day-fields.ts).
dayFields(ticketSchema, { createdAt: 'createdDay', resolvedAt: 'resolvedDay' });
// What changed in the last hour, for the dashboard's snapshot (see written-hour.ts).
writtenHour(ticketSchema);

export type TicketDoc = InferSchemaType<typeof ticketSchema>;
