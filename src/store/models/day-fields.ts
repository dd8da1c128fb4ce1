// Day fields beside timestamps: `createdDay: '2026-12-01'` (the UTC day of `createdAt`), kept
// by the schema on every write, so "what happened today" is an equality query on an indexed
// field. Embedded FerretDB v1 searches an index only for equality (a date range decodes the
// whole collection), and MongoDB answers the same query from the same declared index. UTC
// days: an agency's local day is at most two of them (utcDaysOf), whatever its zone.
// (Bulk inserts through the driver skip these hooks: pass each document through withDayFields.)
import type { Schema } from 'mongoose';

export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The UTC days that [start, end) touches (end exclusive). */
export function utcDaysOf(start: Date, end: Date): string[] {
  const days: string[] = [];
  const last = utcDay(new Date(end.getTime() - 1));
  for (let t = Date.parse(`${utcDay(start)}T00:00:00Z`); ; t += 86_400_000) {
    const day = utcDay(new Date(t));
    days.push(day);
    if (day >= last || days.length > 400) return days;
  }
}

type Pairs = Record<string, string>; // timestamp field → its day field

const asDate = (v: unknown): Date | undefined => {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/** Sets (or unsets) each day field on a plain document from its timestamp. */
export function withDayFields<T extends Record<string, unknown>>(doc: T, pairs: Pairs): T {
  for (const [at, day] of Object.entries(pairs)) {
    const d = asDate(doc[at]);
    if (d) (doc as Record<string, unknown>)[day] = utcDay(d);
  }
  return doc;
}

/** Adds the day fields to an update's $set / $unset (and to a replacement's top level). */
function updateDayFields(update: Record<string, unknown>, pairs: Pairs): void {
  const set = (update.$set ?? {}) as Record<string, unknown>;
  const unset = (update.$unset ?? {}) as Record<string, unknown>;
  for (const [at, day] of Object.entries(pairs)) {
    const top = asDate(update[at]);
    if (top) update[day] = utcDay(top);
    const d = asDate(set[at]);
    if (d) update.$set = { ...set, [day]: utcDay(d) };
    if (at in unset) update.$unset = { ...unset, [day]: '' };
  }
}

export function dayFields(schema: Schema, pairs: Pairs): void {
  for (const day of Object.values(pairs)) {
    schema.add({ [day]: { type: String } });
    schema.index({ [day]: 1 });
  }
  // Registered after mongoose's own timestamps hook, so createdAt is already set here.
  schema.pre('save', function () {
    for (const [at, day] of Object.entries(pairs)) {
      const d = asDate(this.get(at));
      this.set(day, d ? utcDay(d) : undefined);
    }
  });
  schema.pre(['updateOne', 'updateMany', 'findOneAndUpdate'], function () {
    const u = this.getUpdate();
    if (u && !Array.isArray(u)) updateDayFields(u as Record<string, unknown>, pairs);
  });
}
