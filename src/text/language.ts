// Language from the script (DESIGN.md): statistical detectors fail on 5-word tweets, while
// letter counts are robust. Handles and URLs are ASCII noise in an Arabic tweet, so they are
// ignored; hashtag words count, they are content.
import type { Lang } from '../classify/types';
import { normalize } from './normalize';
import { stripHandlesAndUrls } from './tokenize';

const ARABIC_LETTERS = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTERS = /(?=\p{L})\p{Script=Latin}/gu;
const LETTERS = /\p{L}/gu;

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

export function detectLanguage(text: string): Lang {
  const s = stripHandlesAndUrls(normalize(text));
  const ar = count(s, ARABIC_LETTERS);
  const latin = count(s, LATIN_LETTERS);
  const all = count(s, LETTERS);
  // A script "dominates" when it outnumbers the other and holds at least half the letters;
  // an Arabic tweet naming "King Fahd Rd" stays Arabic, a Cyrillic or 50/50 one is 'other'.
  if (ar > latin && ar * 2 >= all) return 'ar';
  if (latin > ar && latin * 2 >= all) return 'en';
  return 'other';
}
