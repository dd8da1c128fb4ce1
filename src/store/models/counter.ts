// Ticket numbers. One document per number handed out, _id `${series}:${n}`. Allocation
// inserts the next number and retries on a duplicate key: unique inserts are atomic on
// MongoDB and FerretDB alike, whereas findAndModify is not atomic on FerretDB v1.
import { Schema, type InferSchemaType } from 'mongoose';

export const counterSchema = new Schema(
  {
    _id: { type: String, required: true },
    series: { type: String, required: true },
    n: { type: Number, required: true },
    at: { type: Date, default: () => new Date() },
  },
  { collection: 'counters', versionKey: false },
);

counterSchema.index({ series: 1, n: -1 });

export type CounterDoc = InferSchemaType<typeof counterSchema>;
