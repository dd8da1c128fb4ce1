// `writtenHour: '2026-12-01T21'`: the UTC hour a document was last written, by the clock of
// the process writing it (not the document's own timestamps, which a roll-forward or a
// caller's `now` may set in the past). Kept by the schema on every save and update, and
// indexed, so "what changed in the last hour" is an equality query on one index on FerretDB
// and MongoDB alike: the console's dashboard folds those few documents into its snapshot
// (store/dashboard.ts) instead of reading a day of tickets.
// (Bulk inserts through the driver skip these hooks; documents without the field are older
// than any snapshot built after them, which reads them by their other indexes.)
import type { Schema } from 'mongoose';

export const utcHour = (d: Date): string => d.toISOString().slice(0, 13);

/** The UTC hours from `from` to `to`, both included (at most `max`). */
export function utcHoursOf(from: Date, to: Date, max = 48): string[] {
  const hours: string[] = [];
  const last = utcHour(to);
  for (let t = Date.parse(`${utcHour(from)}:00:00Z`); hours.length < max; t += 3_600_000) {
    const h = utcHour(new Date(t));
    hours.push(h);
    if (h >= last) break;
  }
  return hours;
}

export function writtenHour(schema: Schema): void {
  schema.add({ writtenHour: { type: String } });
  schema.index({ writtenHour: 1 });
  schema.pre('save', function () {
    this.set('writtenHour', utcHour(new Date()));
  });
  schema.pre(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'], function () {
    const u = this.getUpdate() as Record<string, unknown> | null;
    if (!u || Array.isArray(u)) return;
    const hour = utcHour(new Date());
    const ops = Object.keys(u).some((k) => k.startsWith('$'));
    if (ops) u.$set = { ...((u.$set as Record<string, unknown>) ?? {}), writtenHour: hour };
    else u.writtenHour = hour;
  });
}
