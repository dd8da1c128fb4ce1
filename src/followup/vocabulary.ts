// The compiled word lists of rules/followups.yml, and how a list entry meets a tweet's words.
// Entries go through the same normalisation and light stemming as category phrases
// (src/rules/phrases.ts); an entry ending in * also matches the word behind an Arabic verb
// prefix, so صلح* catches انصلحت، تصلحت، يصلحونها، اتصلحت.
import { normalize, tokenize } from '../text';
import { wordKey } from '../rules/phrases';

export interface VocabWord {
  key: string;
  prefix?: string;
}
export type VocabEntry = { source: string; words: VocabWord[] };
export type VocabList = VocabEntry[];

export interface FollowUpVocabulary {
  notFixed: { phrases: VocabList; still: VocabList; negations: VocabList; fixed: VocabList };
  status: { phrases: VocabList; questions: VocabList; progress: VocabList };
  thanks: { phrases: VocabList; maxOtherWords: number };
}

/** A list entry compiled, or an error for one with no word in it. */
export function compileEntry(source: string): VocabEntry | string {
  const words: VocabWord[] = [];
  for (const part of source.trim().split(/\s+/)) {
    const wildcard = part.length > 1 && part.endsWith('*');
    const tokens = tokenize(wildcard ? part.slice(0, -1) : part);
    tokens.forEach((t, i) => {
      const last = i === tokens.length - 1;
      words.push(wildcard && last ? { key: wordKey(t), prefix: normalize(t) } : { key: wordKey(t) });
    });
  }
  if (words.length === 0)
    return `'${source}' has no words in it (handles, links and punctuation are ignored)`;
  return { source, words };
}

// Verb and conjunction prefixes a dialect verb carries: ان/ات (passive), ت/ي/ن/ا (person),
// ب/بي/بت (progressive), س (future), و/ف (and/so).
const VERB_PREFIX = /^(?:و|ف)?(?:ب|س)?(?:ان|ات|ت|ي|ن|ا)?/;

/** The token and its form without a verb/conjunction prefix. */
export function forms(token: string): string[] {
  const bare = token.replace(VERB_PREFIX, '');
  const noConj = token.replace(/^(?:و|ف)(?=..)/, '');
  return [...new Set([token, noConj, bare].filter((f) => f.length >= 2))];
}

/** A tweet's words as the lists compare them. */
export interface WordsOf {
  tokens: string[];
  keys: string[];
  forms: string[][];
}

export function wordsOf(text: string): WordsOf {
  // English contractions: "hasn't been fixed" → "has not been fixed".
  const tokens = tokenize(String(text).replace(/n['’]t\b/gi, ' not'));
  return { tokens, keys: tokens.map(wordKey), forms: tokens.map(forms) };
}

function wordAt(w: VocabWord, t: WordsOf, i: number): boolean {
  if (w.prefix !== undefined) {
    const p = w.prefix;
    if (t.tokens[i]!.startsWith(p) || t.keys[i]!.startsWith(p)) return true;
    return [...p].length >= 3 && t.forms[i]!.some((f) => f.startsWith(p));
  }
  return t.keys[i] === w.key || t.forms[i]!.some((f) => f === w.key || wordKey(f) === w.key);
}

/** Where each entry occurs (start index and length), for every occurrence. */
export function occurrences(list: VocabList, t: WordsOf): { at: number; len: number; source: string }[] {
  const out: { at: number; len: number; source: string }[] = [];
  for (const e of list) {
    const n = e.words.length;
    for (let i = 0; i + n <= t.tokens.length; i++)
      if (e.words.every((w, j) => wordAt(w, t, i + j))) out.push({ at: i, len: n, source: e.source });
  }
  return out;
}

export const first = (list: VocabList, t: WordsOf) => occurrences(list, t)[0];
