// {{due}}: the deadline as citizens read it, in the agency's zone. Latin digits in both
// languages (like the ticket reference) and Gregorian months with their Arabic names, built
// from Intl's day and month names so ICU's varying punctuation never changes our format.
import { DEFAULT_TIME_ZONE, toLocal } from '../sla/zone';
import type { ReplyLang } from '../text/lang';

// Intl formatters are slow to build: one per locale, zone and use, made once.
const formats = new Map<string, Intl.DateTimeFormat>();
function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f;
}

function part(date: Date, lang: 'ar' | 'en', timeZone: string, type: 'weekday' | 'month'): string {
  const f = cached(
    `${lang}|${timeZone}|${type}`,
    () =>
      new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', {
        timeZone,
        [type]: 'long',
      }),
  );
  return f.formatToParts(date).find((p) => p.type === type)?.value ?? '';
}

/** "الأربعاء 2 ديسمبر، الساعة 10:30 صباحًا" / "Wednesday 2 December, 10:30 am". */
export function formatDue(date: Date, lang: ReplyLang, timeZone: string): string {
  // Another language (e.g. ur): its own names and order from Intl, Latin digits, 24-hour clock.
  if (lang !== 'ar' && lang !== 'en')
    return cached(
      `${lang}|${timeZone}|due`,
      () =>
        new Intl.DateTimeFormat(`${lang}-u-ca-gregory-nu-latn`, {
          timeZone,
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }),
    ).format(date);
  const l = toLocal(date, timeZone);
  const h12 = l.hour % 12 === 0 ? 12 : l.hour % 12;
  const time = `${h12}:${String(l.minute).padStart(2, '0')}`;
  const weekday = part(date, lang, timeZone, 'weekday');
  const month = part(date, lang, timeZone, 'month');
  if (lang === 'ar') return `${weekday} ${l.day} ${month}، الساعة ${time} ${l.hour < 12 ? 'صباحًا' : 'مساءً'}`;
  return `${weekday} ${l.day} ${month}, ${time} ${l.hour < 12 ? 'am' : 'pm'}`;
}

const longest = new Map<ReplyLang, string>();

/** The longest {{due}} any date can produce (for worst-case length checks). */
export function longestDue(lang: ReplyLang): string {
  let best = longest.get(lang);
  if (best === undefined) {
    best = '';
    // Every weekday × month × AM/PM combination, with two-digit day and hour.
    for (let d = 0; d < 372; d++) {
      for (const hour of [11, 23]) {
        const s = formatDue(new Date(Date.UTC(2027, 0, 1 + d, hour - 3, 59)), lang, DEFAULT_TIME_ZONE);
        if (s.length > best.length) best = s;
      }
    }
    longest.set(lang, best);
  }
  return best;
}
