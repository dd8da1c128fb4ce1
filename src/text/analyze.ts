// One pass from raw tweet to what rules and the model look at.
import type { Lang } from './lang';
import { fromDialect } from './dialect';
import { detectLanguage } from './language';
import { stem } from './stem';
import { isStopWord } from './stopwords';
import { tokenize } from './tokenize';

export interface Analysis {
  lang: Lang;
  /** Normalised words, in order (handles and URLs removed). */
  tokens: string[];
  /** Stemmed content words: dialect words in their shared spelling, stop words removed,
   *  stretched letters collapsed. The model's input. */
  terms: string[];
}

// Tweets stretch words for emphasis (كبيييييره, sooooo): three or more repeats of a letter
// collapse to one so the stretched and plain spellings meet.
const STRETCH = /(\p{L})\1{2,}/gu;
const ARTICLE = /^(?:وال|بال|كال|فال|لل|ال)(?=..)/;

/** Model terms from normalised tokens. */
export function termsOf(tokens: readonly string[]): string[] {
  const terms: string[] = [];
  for (const t of tokens) {
    const plain = t.replace(STRETCH, '$1');
    let w = fromDialect(plain);
    // With the article too: الموية is المياه, not مو "not" once the stemmer has cut it.
    if (w === plain) {
      const bare = plain.replace(ARTICLE, '');
      const d = fromDialect(bare);
      if (d !== bare) w = d;
    }
    if (isStopWord(w)) continue;
    const s = stem(w);
    // An inflected dialect word (فلوسي "my money") is found by its stem. Not a stem of one or
    // two letters: مشي "walk" → مش "not", شوي "a bit" → شو "what", مويه → مو (issue 13 audit).
    const d = [...s].length >= 3 ? fromDialect(s) : s;
    terms.push(d === s ? s : stem(d));
  }
  return terms;
}

export function analyze(text: string): Analysis {
  const tokens = tokenize(text);
  return { lang: detectLanguage(text), tokens, terms: termsOf(tokens) };
}
