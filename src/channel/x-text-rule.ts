// X's own counting (twitter-text): most scripts incl. Arabic weigh 1 per character, CJK and
// emoji 2, any URL 23. The limit is on this weight, not on characters. 280 for every reply:
// X lets Premium accounts post up to 25,000, but Mujib's replies are short and the agency's
// account need not be Premium (our emulator refuses more than 280, as X does for others).
// It sits beside the port, not in src/x/, because it is the default rule of every reply check
// and X's wire format stays in src/x/.
import { extractEntitiesWithIndices, parseTweet } from 'twitter-text';
import type { TextRule } from './text-rule';

export const X_MAX_WEIGHTED_LENGTH = 280;

export function xWeightedLength(text: string): number {
  return parseTweet(text).weightedLength;
}

/** Would X turn part of this text into a link, a mention, a hashtag or a cashtag? */
export function xLinkifies(text: string): boolean {
  return extractEntitiesWithIndices(text).length > 0;
}

export const X_TEXT_RULE: TextRule = Object.freeze({
  label: 'X',
  unit: 'weighted characters',
  max: X_MAX_WEIGHTED_LENGTH,
  length: xWeightedLength,
  linkifies: xLinkifies,
});
