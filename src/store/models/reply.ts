// The outbox. A reply is written as `planned` before it is posted and as `posted` (with X's
// tweet id) after, so a crash in between is reconciled on restart instead of posting twice.
// _id is `${kind}:${tweetId it answers}`: at most one acknowledgement per mention, ever.
import { Schema, type InferSchemaType } from 'mongoose';
import { dayFields } from './day-fields';
import { writtenHour } from './written-hour';

export const REPLY_STATUSES = ['planned', 'posted', 'failed', 'stale'] as const;
// 'staff': written by a person in the console (_id staff:<ticket>:<action id>).
export const REPLY_KINDS = ['ack', 'answer', 'resolved', 'staff'] as const;

export const replySchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: REPLY_KINDS, required: true },
    ticketRef: { type: String },
    /** Staff replies: who wrote it. */
    by: { type: String },
    inReplyToTweetId: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: REPLY_STATUSES, default: 'planned' },
    /** Copied from the ticket so the poster spends its quota on urgent replies first. */
    priority: { type: Number, default: 3 },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date },
    lastAttemptAt: { type: Date },
    lastError: { type: String },
    postedTweetId: { type: String },
    plannedAt: { type: Date, required: true, default: () => new Date() },
    postedAt: { type: Date },
  },
  { collection: 'replies', versionKey: false },
);

replySchema.index({ status: 1, priority: 1, plannedAt: 1 });
replySchema.index({ ticketRef: 1 });
// The pipeline finds which of our replies a citizen answered (a thread) by X's id of it.
replySchema.index({ postedTweetId: 1 });
// /metrics' replies posted per day, counted from the index (store/reply-counts.ts).
replySchema.index({ postedDay: 1, status: 1 });
// Today's posted replies by equality on a day (the dashboard; see day-fields.ts).
dayFields(replySchema, { postedAt: 'postedDay' });
// What changed in the last hour, for the dashboard's snapshot (see written-hour.ts).
writtenHour(replySchema);

export type ReplyDoc = InferSchemaType<typeof replySchema>;
