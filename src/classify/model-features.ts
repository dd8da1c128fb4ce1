// What the model sees of a text: the text pipeline's stemmed terms, plus (optionally) word
// bigrams of those terms, which catch phrases like "بطاقه جديد" or "not working", and
// character n-grams of each term, which let dialect spellings of a word (ابغى / ابي / اريد
// share little, but استلمت / استلم / مستلم share a lot) meet their MSA cousins.
import { termsOf, tokenize } from '../text';

export interface FeatureOptions {
  /** Add "a b" pairs of consecutive terms. */
  bigrams: boolean;
  /** Character n-gram sizes taken inside each term (with ‹ › word boundaries); [] for none. */
  charNgrams: number[];
}

export function featuresOf(text: string, opts: FeatureOptions): string[] {
  const terms = termsOf(tokenize(text)); // analyze().terms, without the language detection
  const out = terms.slice();
  // Terms never contain a space or ‹ ›, so these features cannot collide with a unigram.
  if (opts.bigrams) for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]} ${terms[i]}`);
  for (const n of opts.charNgrams) {
    for (const t of terms) {
      const w = `‹${t}›`;
      if (w.length <= n) continue; // the whole term is already a unigram
      for (let i = 0; i + n <= w.length; i++) out.push(` ${w.slice(i, i + n)}`);
    }
  }
  return out;
}
