// Inquiries the bot answers by itself: the first answer (file order) with a keyword in the
// tweet. Keywords and tweet go through the same normalising + stemming as the category
// rules, so «الدوام» finds «دوام» and «أوقات» finds «اوقات».
import { stem, tokenize } from '../text';
import type { Templates } from './types';
import type { ReplyLang } from '../text/lang';

const stems = (text: string) => tokenize(text).map((t) => stem(t));

function contains(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++)
    if (phrase.every((p, j) => words[i + j] === p)) return true;
  return false;
}

/** The id of the answer for this tweet, or undefined (then a human answers). Keywords of
 *  both languages are tried, so a mixed tweet still finds its answer. */
export function chooseAnswer(
  templates: Templates,
  text: string,
  lang: ReplyLang,
  category = 'inquiry',
): string | undefined {
  const answers = templates.categories[category]?.answers ?? {};
  const words = stems(text);
  // The resident's language first, then Arabic and English (a mixed tweet still finds it).
  const order = [...new Set([lang, lang === 'ar' ? 'en' : 'ar', 'en'])];
  for (const l of order)
    for (const [id, a] of Object.entries(answers))
      if ((a.keywords[l] ?? []).some((k) => contains(words, stems(k)))) return id;
  return undefined;
}
