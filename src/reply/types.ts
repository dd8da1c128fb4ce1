// The loaded reply templates (rules/templates.yml, validated by src/rules/templates.ts).
import type { BaseLang, InLangs } from '../text/lang';
/** The languages every template must have; others are optional (e.g. `ur`). */
export const BASE_LANGS: readonly BaseLang[] = ['ar', 'en'];

/** One text per language: `ar` and `en` always, any other language code where written. */
export type Bilingual = InLangs<string>;

export interface Answer {
  keywords: InLangs<string[]>;
  text: Bilingual;
}

export interface CategoryTemplates {
  ack: Bilingual;
  afterHours?: Bilingual;
  answers: Record<string, Answer>;
}

export interface Templates {
  urgent: Bilingual;
  /** Bribery and corruption reports (absent: the category's acknowledgement). */
  integrity?: Bilingual;
  /** Self-harm (with {{crisisLine}}) and threats (neutral, never an apology). */
  crisis?: { selfHarm?: Bilingual; threat?: Bilingual };
  resolved: Bilingual;
  /** Replies to follow-ups on an existing ticket (repeat, status, reopened, update). */
  followUps?: FollowUpTemplates;
  categories: Record<string, CategoryTemplates>;
  /** Category display names (categories.yml) for {{category}}; the id when unknown. */
  categoryNames: Record<string, Bilingual>;
}

export interface FollowUpTemplates {
  repeat: Bilingual;
  status: { open: Bilingual; claimed: Bilingual; late: Bilingual; resolved: Bilingual };
  reopened: Bilingual;
  update: Bilingual;
}
