// A signed-in console session. _id is the sha256 of the random id in the cookie, so a copy
// of this collection cannot be replayed as cookies. No TTL index (FerretDB v1 has none):
// expired sessions are refused on read and swept by the console.
import { Schema, type InferSchemaType } from 'mongoose';

export const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    staffId: { type: String, required: true },
    staffName: { type: String, required: true },
    /** Synchronizer token for every POST of this session. */
    csrf: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastSeenAt: { type: Date, required: true, default: () => new Date() },
    expiresAt: { type: Date, required: true },
    /** One message for the next page (post/redirect/get). */
    flash: { type: Schema.Types.Mixed },
  },
  { collection: 'sessions', versionKey: false, minimize: false },
);

sessionSchema.index({ expiresAt: 1 });
sessionSchema.index({ staffId: 1 });

export type SessionDoc = InferSchemaType<typeof sessionSchema>;
