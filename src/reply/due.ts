// {{due}}: the deadline as citizens read it, in the agency's zone. Latin digits in both
// languages (like the ticket reference) and Gregorian months with their Arabic names, built
// from Intl's day and month names so ICU's varying punctuation never changes our format.
import { DEFAULT_TIME_ZONE, toLocal } from '../sla/zone';
import type { ReplyLang } from '../text/lang';

const names = new Map<string, Intl.DateTimeFormat>();

function part(date: Date, lang: ReplyLang, timeZone: string, type: 'weekday' | 'month'): string {
  const key = `${lang}|${timeZone}|${type}`;
  let f = names.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : lang === 'en' ? 'en-GB' : lang,
      {
        timeZone,
        [type]: 'long',
      },
    );
    names.set(key, f);
  }
  return f.formatToParts(date).find((p) => p.type === type)?.value ?? '';
}

/** "الأربعاء 2 ديسمبر، الساعة 10:30 صباحًا" / "Wednesday 2 December, 10:30 am". */
export function formatDue(date: Date, lang: ReplyLang, timeZone: string): string {
  const l = toLocal(date, timeZone);
  const h12 = l.hour % 12 === 0 ? 12 : l.hour % 12;
  const time = `${h12}:${String(l.minute).padStart(2, '0')}`;
  const weekday = part(date, lang, timeZone, 'weekday');
  const month = part(date, lang, timeZone, 'month');
  if (lang === 'ar') return `${weekday} ${l.day} ${month}، الساعة ${time} ${l.hour < 12 ? 'صباحًا' : 'مساءً'}`;
  if (lang === 'en') return `${weekday} ${l.day} ${month}, ${time} ${l.hour < 12 ? 'am' : 'pm'}`;
  // Another language (e.g. ur): its own names and order from Intl, Latin digits, 24-hour clock.
  return dueIn(lang, timeZone).format(date);
}

const others = new Map<string, Intl.DateTimeFormat>();
function dueIn(lang: ReplyLang, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let f = others.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(`${lang}-u-ca-gregory-nu-latn`, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    others.set(key, f);
  }
  return f;
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
