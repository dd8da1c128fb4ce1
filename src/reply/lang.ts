// Reply in the citizen's language when we write it; otherwise in the agency's default.
import type { Lang } from '../classify/types';
import type { ReplyLang } from './types';

export function chooseReplyLang(
  decisionLang: Lang | string | undefined,
  agency: { defaultLanguage: ReplyLang },
): ReplyLang {
  return decisionLang === 'ar' || decisionLang === 'en' ? decisionLang : agency.defaultLanguage;
}
