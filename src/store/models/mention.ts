// One document per tweet that mentioned the agency. _id is the tweet id: inserting by _id
// is the atomic idempotency key everything else relies on (unique on every MongoDB server).
import { Schema, type InferSchemaType } from 'mongoose';

export const MENTION_STATUSES = ['new', 'processed', 'skipped', 'error'] as const;

export const mentionSchema = new Schema(
  {
    _id: { type: String, required: true },
    text: { type: String, required: true },
    authorId: { type: String, required: true },
    authorUsername: { type: String },
    authorName: { type: String },
    tweetCreatedAt: { type: Date },
    conversationId: { type: String },
    inReplyToTweetId: { type: String },
    inReplyToUserId: { type: String },
    isRetweet: { type: Boolean, default: false },
    lang: { type: String },
    /** The tweet as X sent it, for audits and re-processing. */
    raw: { type: Schema.Types.Mixed },
    fetchedAt: { type: Date, required: true, default: () => new Date() },
    status: { type: String, enum: MENTION_STATUSES, default: 'new' },
    skipReason: { type: String },
    classification: { type: Schema.Types.Mixed },
    ticketRef: { type: String },
    processedAt: { type: Date },
    attempts: { type: Number, default: 0 },
    lastError: { type: String },
  },
  { collection: 'mentions', versionKey: false, minimize: false },
);

mentionSchema.index({ status: 1, fetchedAt: 1 });
mentionSchema.index({ conversationId: 1 });
mentionSchema.index({ authorId: 1, tweetCreatedAt: -1 });

export type MentionDoc = InferSchemaType<typeof mentionSchema>;
