// The reply language for a detected language: the agency's choice (agency.yml replyLanguages,
// e.g. Urdu → English, Arabizi → Arabic), else Arabic/English as written, else its default.
import type { Lang } from '../text/lang';
import type { ReplyLang } from '../text/lang';

export function chooseReplyLang(
  decisionLang: Lang | string | undefined,
  agency: { defaultLanguage: ReplyLang; replyLanguages?: Record<string, ReplyLang> },
): ReplyLang {
  const chosen = decisionLang ? agency.replyLanguages?.[decisionLang] : undefined;
  if (chosen) return chosen;
  return decisionLang === 'ar' || decisionLang === 'en' ? decisionLang : agency.defaultLanguage;
}
