// {{name}}: a display name is the citizen's own text, echoed in the agency's voice. Whatever
// the script, only letters, their marks and single spaces survive: no digits (phone numbers),
// no dots or slashes (evil.السعودية, pay.рф/x), no @ # $ (mentions, hashtags, cashtags), no
// invisible or bidi characters (U+061C, U+200F, U+3164, U+2800 …). If the channel (X by
// default) would still read a link, handle, hashtag or cashtag in what is left, the name is
// dropped: the neutral greeting.
import type { TextRule } from '../channel/text-rule';
import { DEFAULT_TEXT_RULE } from './length';

/** Letters kept from a name: enough for "first last" in any script. */
export const MAX_NAME = 40;
/** Combining marks kept on one letter (Arabic shadda + vowel is 2; more is "zalgo"). */
const MAX_MARKS = 2;

// Letters and marks that render as nothing (Hangul fillers, variation selectors, …) are still
// "letters" to Unicode: Default_Ignorable_Code_Point catches them.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const NOT_NAME = /[^\p{L}\p{M}\s]/gu;

export function cleanName(name: string | undefined, rule: TextRule = DEFAULT_TEXT_RULE): string {
  if (!name) return '';
  const letters = name
    .normalize('NFKC') // fullwidth and styled letters become plain ones; ligatures split
    .replace(INVISIBLE, '')
    .replace(NOT_NAME, ' ')
    .replace(/\s+/gu, ' ');
  const kept: string[] = [];
  let count = 0;
  let marks = 0;
  for (const ch of letters) {
    if (/\p{M}/u.test(ch)) {
      // A mark needs a letter before it, and only a couple per letter.
      const prev = kept[kept.length - 1];
      if (prev === undefined || prev === ' ' || marks >= MAX_MARKS) continue;
      marks++;
      kept.push(ch);
      continue;
    }
    marks = 0;
    if (ch === ' ') {
      if (kept.length && kept[kept.length - 1] !== ' ') kept.push(' ');
      continue;
    }
    if (count >= MAX_NAME) break;
    count++;
    kept.push(ch);
  }
  const out = kept.join('').trim().normalize('NFC');
  return carriesEntity(out, rule) ? '' : out;
}

/** Would the channel (X by default) turn part of this text into a link, mention, hashtag or cashtag? */
export function carriesEntity(text: string, rule: TextRule = DEFAULT_TEXT_RULE): boolean {
  return rule.linkifies(text);
}
