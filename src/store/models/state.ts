// Small named values the bot must keep across restarts: cursors, leases, model hashes.
import { Schema, type InferSchemaType } from 'mongoose';

export const stateSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: Schema.Types.Mixed },
    holder: { type: String },
    expiresAt: { type: Date },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'state', versionKey: false, minimize: false },
);

export type StateDoc = InferSchemaType<typeof stateSchema>;
