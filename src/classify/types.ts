// The seam between classification and the rest of the pipeline.

export type Lang = 'ar' | 'en' | 'other';

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
}

export interface Classifier {
  classify(text: string): Decision;
}
