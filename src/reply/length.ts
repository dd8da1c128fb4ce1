// X's own counting (twitter-text): most scripts incl. Arabic weigh 1 per character, CJK and
// emoji 2, any URL 23. The limit is on this weight, not on characters.
import { parseTweet } from 'twitter-text';

export const MAX_WEIGHTED_LENGTH = 280;

export function weightedLength(text: string): number {
  return parseTweet(text).weightedLength;
}
