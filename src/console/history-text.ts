// Ticket history details as the bot and the queue write them (English, for logs and the CLI),
// put into the staff member's language for the console: "roads (rule roads-potholes)",
// "tweet 123 (same thread)", "lease until 2026-12-01T12:00:00Z" (shown in agency time).
// Unknown details are shown as written. Pure.
import { formatDateTime } from './format';
import type { UiLang } from './ui-lang';

export interface DetailContext {
  lang: UiLang;
  timeZone: string;
  categoryName(id: string): string;
}

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;

const AR_PHRASES: [RegExp, string][] = [
  [/\bclosed by the bot\b/g, 'أغلقه البوت'],
  [/\bopened for staff to triage by hand\b/g, 'فُتح ليفرزه موظف يدويًا'],
  [/\ba human must triage\b/g, 'يحتاج فرزًا من موظف'],
  [/\bspam or off-topic\b/g, 'دعاية أو خارج الموضوع'],
  [/\bsame thread\b/g, 'في نفس المحادثة'],
  [/\bsame problem as\b/g, 'نفس مشكلة'],
  [/\brepeat of\b/g, 'تكرار لـ'],
  [/\backnowledgement not posted: too late\b/g, 'لم يُرسل الإقرار: فات وقته'],
  [/\breply could not be posted\b/g, 'تعذّر إرسال الرد'],
  [/\burgent term\b/g, 'كلمة عاجلة'],
  [/\bguess\b/g, 'تخمين'],
  [/\bpriority (\d) → (\d)/g, 'الأولوية $1 ← $2'],
  [/\bcategory (.+?) → ([^;—]+?)(?=;| —|$)/g, 'التصنيف $1 ← $2'],
  [/\burgent (yes|no) → (yes|no)/g, 'عاجل: $1 ← $2'],
  [/\brenewed, lease until\b/g, 'جُدّد، محجوز حتى'],
  [/\blease until\b/g, 'محجوز حتى'],
  [/\blease expired\b/g, 'انتهى حجزه'],
  [/\btook over from\b/g, 'أخذه من'],
  [/^to (\S+), /g, 'إلى $1، '],
  [/\bexpired claim of\b/g, 'حجز منتهٍ لـ'],
  [/\bdue\b/g, 'الموعد'],
  [/\btweet (\d+)/g, 'تغريدة $1'],
  [/\(rule ([\w-]+)\)/g, '(القاعدة $1)'],
  [/\(model\)/g, '(النموذج)'],
  [/\(model ([\d.]+)\)/g, '(النموذج $1)'],
  [/\(fallback\)/g, '(احتياطي)'],
  [/\byes\b/g, 'نعم'],
  [/\bno\b/g, 'لا'],
];

export function historyDetail(c: DetailContext, action: string, detail: string): string {
  let s = detail.replace(ISO, (iso) => formatDateTime(c.lang, new Date(iso), c.timeZone));
  // "roads (rule roads-potholes)": the category in staff words, in either language.
  s = s.replace(/^([a-z][a-z0-9_]*) \(/, (m, id: string) => `${c.categoryName(id)} (`);
  s = s.replace(/\(guess: ([a-z][a-z0-9_]*)\)/, (m, id: string) => `(guess: ${c.categoryName(id)})`);
  if (action === 'triaged')
    s = s.replace(
      /category ([a-z][a-z0-9_]*) → ([a-z][a-z0-9_]*)/,
      (m, a: string, b: string) => `category ${c.categoryName(a)} → ${c.categoryName(b)}`,
    );
  if (action === 'replied') s = s.replace(/^staff:\S+ /, '');
  if (c.lang === 'en') return s;
  for (const [re, ar] of AR_PHRASES) s = s.replace(re, ar);
  return s;
}
