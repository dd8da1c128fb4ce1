// Phrases staff write, matched on what the text pipeline makes of words: normalised,
// stretched letters collapsed, light-stemmed. So one spelling catches its variants
// (الحفرة / حفره / وحفرة / حفرةةة) and a phrase of several words matches them in a row.
import { normalize, termsOf, tokenize } from '../text';

export interface PhraseWord {
  /** The comparison key: the stem (stop words: the normalised word itself). */
  key: string;
  /** With a trailing `*`: any word whose normalised form or stem starts with this. */
  prefix?: string;
}

export interface Phrase {
  /** As staff wrote it (shown in explanations). */
  source: string;
  words: PhraseWord[];
}

/** A tweet's words as phrases compare them. */
export interface PhraseText {
  tokens: string[];
  keys: string[];
}

// The definite article (with a glued و/ب/ك/ف/ل), as light10 strips it.
const ARTICLE = /^(?:وال|بال|كال|فال|لل|ال)(?=..)/;
const STRETCH = /(\p{L})\1{2,}/gu;

/** The comparison key of a word: its stem. Stop words keep their own spelling, so "ما في" still
 *  has two words to match; so do words the stemmer cuts to one or two letters, which would
 *  otherwise collide (مويه → مو "not", حيه "snake" → حي "district", البلديه ≠ بلدي). */
export function wordKey(token: string): string {
  const term = termsOf([token])[0];
  if (term === undefined) return token;
  if ([...term].length >= 3) return term;
  return token.replace(STRETCH, '$1').replace(ARTICLE, '');
}

export function phraseText(text: string): PhraseText {
  const tokens = tokenize(text);
  return { tokens, keys: tokens.map(wordKey) };
}

/** The compiled phrase, or an error message for a phrase with no word in it. */
export function compilePhrase(source: string): Phrase | string {
  const words: PhraseWord[] = [];
  for (const part of source.trim().split(/\s+/)) {
    const wildcard = part.length > 1 && part.endsWith('*');
    const tokens = tokenize(wildcard ? part.slice(0, -1) : part);
    tokens.forEach((t, i) => {
      const last = i === tokens.length - 1;
      if (wildcard && last) words.push({ key: wordKey(t), prefix: normalize(t) });
      else words.push({ key: wordKey(t) });
    });
  }
  if (words.length === 0)
    return `phrase '${source}' has no words in it (handles, links and punctuation are ignored)`;
  return { source, words };
}

function wordMatches(w: PhraseWord, token: string, key: string): boolean {
  if (w.prefix !== undefined) return token.startsWith(w.prefix) || key.startsWith(w.prefix);
  return key === w.key;
}

/** Does the phrase occur (its words consecutive) in the text? */
export function phraseOccurs(p: Phrase, t: PhraseText): boolean {
  const n = p.words.length;
  outer: for (let i = 0; i + n <= t.keys.length; i++) {
    for (let j = 0; j < n; j++) {
      if (!wordMatches(p.words[j]!, t.tokens[i + j]!, t.keys[i + j]!)) continue outer;
    }
    return true;
  }
  return false;
}
