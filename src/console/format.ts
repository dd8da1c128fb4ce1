// Numbers and times for the UI. Arabic uses Latin digits (ar-SA-u-nu-latn) and the Gregorian
// calendar: ticket references, tweet ids and the replies citizens receive (src/reply/due.ts)
// are all in Latin digits, staff copy them between the console, the CLI and X, and one digit
// system across the whole screen reads more easily than a mix. Plain 'ar-SA' would also
// switch to the Hijri calendar. Times are always the agency's zone, never the server's.
import type { UiLang } from './ui-lang';
import { DEFAULT_TIME_ZONE } from '../sla/zone';

const locale = (lang: UiLang) => (lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB');
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: UiLang, zone: string, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${zone}|${JSON.stringify(o)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale(lang), { ...o, timeZone: zone })));
  return f;
}

export function formatNumber(lang: UiLang, n: number, o: Intl.NumberFormatOptions = {}): string {
  const key = `n|${lang}|${JSON.stringify(o)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale(lang), o)));
  return f.format(n);
}

export const formatPercent = (lang: UiLang, p: number) =>
  formatNumber(lang, p, { style: 'percent', maximumFractionDigits: 0 });

/** "27 نوفمبر، 3:04 م" / "27 Nov, 15:04": day, month name and time; the year only when not this one. */
export function formatDateTime(
  lang: UiLang,
  d: Date | string | undefined | null,
  zone = DEFAULT_TIME_ZONE,
): string {
  if (!d) return '';
  const date = new Date(d);
  const thisYear = new Date().getUTCFullYear() === date.getUTCFullYear();
  return dateFormat(lang, zone, {
    day: 'numeric',
    month: 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

export function formatDate(lang: UiLang, d: Date, zone = DEFAULT_TIME_ZONE): string {
  return dateFormat(lang, zone, { dateStyle: 'full' }).format(d);
}

/** Machine-readable value for <time datetime>. */
export const isoTime = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : '');
