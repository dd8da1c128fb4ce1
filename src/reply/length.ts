// The length rule a reply is held to is its channel's (TextRule, src/channel/text-rule.ts):
// renderReply, renderFollowUp and the template checks take one. X's is the default, the one
// channel Mujib serves today, until every caller passes its channel's (ctx.channel.text).
import type { TextRule } from '../channel/text-rule';
import { X_MAX_WEIGHTED_LENGTH, X_TEXT_RULE, xWeightedLength } from '../channel/x-text-rule';

export const DEFAULT_TEXT_RULE: TextRule = X_TEXT_RULE;

/** X's limit. Prefer the channel's `text.max`. */
export const MAX_WEIGHTED_LENGTH = X_MAX_WEIGHTED_LENGTH;

/** X's weighted length (twitter-text). Prefer the channel's `text.length`. */
export function weightedLength(text: string): number {
  return xWeightedLength(text);
}
