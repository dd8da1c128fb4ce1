// The seam between classification and the rest of the pipeline.
import type { Lang } from '../text/lang';
import type { Outcome } from '../outcome/types';
import type { Crisis, Route, SignalRoute } from '../rules/routes';

export interface Decision {
  lang: Lang;
  /** A category id of the rule pack (e.g. 'roads'), 'other' when nothing fits. */
  category: string;
  /** 0-1: 1 for a rule match, the model's normalised probability otherwise. */
  confidence: number;
  source: 'rule' | 'model' | 'fallback';
  /** The id of the rule that decided, when source is 'rule'. */
  rule?: string;
  /** Danger to life or health: escalate at top priority whatever the category. */
  urgent: boolean;
  /** The urgent term that matched, for the "why". */
  urgentTerm?: string;
  /** Nothing confident enough: a human must triage. */
  needsTriage: boolean;
  /** What kind of mention (absent from classifiers without outcome rules: a complaint). */
  outcome?: Outcome;
  /** Why that outcome, for staff. */
  outcomeReason?: string;
  /** Insults were found (cut before classifying): flagged for staff. */
  insult?: boolean;
  /** Praise words over a complaint: never thanked, never closed by the bot. */
  sarcasm?: boolean;
  /** For referrals: the other agency's id (rules/agencies.yml). */
  agency?: string;
  /** Why it is top priority: every source that flagged it (src/classify/urgency.ts). */
  urgency?: UrgencyWhy;
  /** A threat of violence or of self-harm: its own reply (escalation.yml routes.crisis). */
  crisis?: Crisis;
  /** Where a top-priority tweet goes: danger to life, bribery/corruption, or crisis. */
  route?: Route;
}

export interface UrgencyWhy {
  /** Staff signals of urgent.yml that matched, with their route and matched words. */
  signals: { id: string; route: SignalRoute; matched: string[] }[];
  /** The learned urgency model: its probability and the escalation.yml threshold. */
  model?: { p: number; threshold: number; flagged: boolean };
  /** One line for people: "signal urgent-fall (طاح + طفل); model 0.93 ≥ 0.80". */
  reason: string;
}

export interface Classifier {
  classify(text: string): Decision;
}
