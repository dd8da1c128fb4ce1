// Counted nouns with Arabic number grammar (Intl.PluralRules('ar')): 1 بلاغ واحد, 2 بلاغان,
// 3-10 بلاغات, 11-99 بلاغًا, 100 بلاغ. English: one / other. Pure.
import { formatNumber } from './format';
import type { UiLang } from './ui-lang';

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const NOUNS = {
  ticket: {
    ar: {
      zero: '{n} بلاغ',
      one: 'بلاغ واحد',
      two: 'بلاغان',
      few: '{n} بلاغات',
      many: '{n} بلاغًا',
      other: '{n} بلاغ',
    },
    en: { one: '{n} ticket', other: '{n} tickets' },
  },
  day: {
    ar: { zero: '{n} يوم', one: 'يوم', two: 'يومان', few: '{n} أيام', many: '{n} يومًا', other: '{n} يوم' },
    en: { one: '{n} day', other: '{n} days' },
  },
} satisfies Record<string, Record<UiLang, Forms>>;

const rules = new Map<UiLang, Intl.PluralRules>();

export function counted(lang: UiLang, noun: keyof typeof NOUNS, n: number): string {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang === 'ar' ? 'ar' : 'en')));
  const forms: Forms = NOUNS[noun][lang];
  // Fractions (1.5 days) take the "other" form in both languages.
  const form = Number.isInteger(n) ? (forms[r.select(n)] ?? forms.other) : forms.other;
  return form.replace('{n}', formatNumber(lang, n, { maximumFractionDigits: 1 }));
}

/** An IANA zone as staff say it: Asia/Riyadh → الرياض / Riyadh. */
export function zoneName(lang: UiLang, zone: string): string {
  const known: Record<string, Record<UiLang, string>> = {
    'Asia/Riyadh': { ar: 'الرياض', en: 'Riyadh' },
    'Asia/Dubai': { ar: 'دبي', en: 'Dubai' },
    'Asia/Kuwait': { ar: 'الكويت', en: 'Kuwait' },
    'Asia/Qatar': { ar: 'الدوحة', en: 'Doha' },
    'Asia/Bahrain': { ar: 'البحرين', en: 'Bahrain' },
    'Africa/Cairo': { ar: 'القاهرة', en: 'Cairo' },
  };
  return known[zone]?.[lang] ?? zone.split('/').at(-1)!.replace(/_/g, ' ');
}
