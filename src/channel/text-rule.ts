// How long a post may be, as the channel counts it. Template validation (src/rules/templates.ts)
// and reply rendering (src/reply/) ask this instead of counting for themselves, so a channel
// with another limit or another way of counting plugs in without touching them.

export interface TextRule {
  /** The channel as staff know it, in problems and errors: "X". */
  label: string;
  /** What `length` counts, in messages: "weighted characters". */
  unit: string;
  /** The most a post may weigh (X: 280). */
  max: number;
  /** The post's length as the channel counts it (X: twitter-text's weighted length). */
  length(text: string): number;
}

export function fits(rule: TextRule, text: string): boolean {
  return rule.length(text) <= rule.max;
}

/** A plain rule counting Unicode code points (a sketch for channels without a weighting). */
export function codePointRule(label: string, max: number): TextRule {
  return { label, unit: 'characters', max, length: (text) => [...text].length };
}
