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
  /** Would the channel turn part of this text into a link, a mention, a hashtag or a cashtag?
   *  (A citizen's display name is dropped from a reply when it would.) */
  linkifies(text: string): boolean;
}

export function fits(rule: TextRule, text: string): boolean {
  return rule.length(text) <= rule.max;
}

/** A plain rule counting Unicode code points (a sketch for channels without a weighting);
 *  by default it links nothing (names reach it as letters and spaces only). */
export function codePointRule(
  label: string,
  max: number,
  linkifies: (text: string) => boolean = () => false,
): TextRule {
  return { label, unit: 'characters', max, length: (text) => [...text].length, linkifies };
}
