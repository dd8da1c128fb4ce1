// One document per tweet that mentioned the agency. _id is the tweet id: inserting by _id
// is the atomic idempotency key everything else relies on (unique on every MongoDB server).
import { Schema, type InferSchemaType } from 'mongoose';

export const MENTION_STATUSES = ['new', 'processed', 'skipped', 'error'] as const;

export const mentionSchema = new Schema(
  {
    _id: { type: String, required: true },
    // Not required: a tweet X sent without text is still stored (as malformed), never lost.
    text: { type: String, default: '' },
    authorId: { type: String, required: true },
    authorUsername: { type: String },
    authorName: { type: String },
    tweetCreatedAt: { type: Date },
    conversationId: { type: String },
    inReplyToTweetId: { type: String },
    inReplyToUserId: { type: String },
    isRetweet: { type: Boolean, default: false },
    lang: { type: String },
    /** X cut the post's `text`; `text` holds the full note_tweet text. */
    long: { type: Boolean },
    /** An edit: the original post's id (edit_history_tweet_ids[0]) and all versions. */
    editOf: { type: String },
    editHistory: { type: [String], default: undefined },
    /** The post it quotes: { id, text?, authorId?, authorUsername? }. */
    quoted: { type: Schema.Types.Mixed },
    /** Photos/videos as links to X ({ key, type, url?, altText? }); nothing is downloaded. */
    media: { type: Schema.Types.Mixed },
    /** X's place ({ id, fullName?, country?, countryCode?, bbox?, coordinates? }). */
    place: { type: Schema.Types.Mixed },
    /** Deleted on X: text, media, quote and raw were purged here (developer policy). */
    deletedOnXAt: { type: Date },
    /** The tweet as X sent it, for audits and re-processing. */
    raw: { type: Schema.Types.Mixed },
    fetchedAt: { type: Date, required: true, default: () => new Date() },
    status: { type: String, enum: MENTION_STATUSES, default: 'new' },
    skipReason: { type: String },
    classification: { type: Schema.Types.Mixed },
    /** What kind of mention (src/outcome): complaint, inquiry, praise, spam, chatter, abuse,
     *  referral; 'restored' once staff turned a spam or chatter mention into a ticket. */
    outcome: { type: String },
    ticketRef: { type: String },
    processedAt: { type: Date },
    attempts: { type: Number, default: 0 },
    lastError: { type: String },
  },
  { collection: 'mentions', versionKey: false, minimize: false },
);

mentionSchema.index({ status: 1, fetchedAt: 1 });
mentionSchema.index({ conversationId: 1 });
mentionSchema.index({ outcome: 1, processedAt: -1 }); // the console's "not complaints" list
mentionSchema.index({ authorId: 1, tweetCreatedAt: -1 });

export type MentionDoc = InferSchemaType<typeof mentionSchema>;
