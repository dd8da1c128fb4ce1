// Tokens are what rules and the model compare: normalised words, with X handles and URLs
// removed (they name people and links, not problems) and hashtags kept as their words.
import { normalize } from './normalize';

// X handles are ASCII ([A-Za-z0-9_]{1,15}); an Arabic word glued to one stays a word.
const HANDLE = /(^|[^\p{L}\p{N}_])@[a-z0-9_]+/giu;
// URL characters are ASCII too, so Arabic text glued to a t.co link is not swallowed.
const URL = /\b(?:https?:\/\/|www\.)[a-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/giu;
// The house word splitter is /[^\p{L}\p{N}_]+/u; combining marks (\p{M}) are kept inside
// words so Indic scripts are not cut apart, and '_' is split afterwards so that
// #حفرة_كبيرة yields حفره, كبيره.
const SPLIT = /[^\p{L}\p{N}\p{M}]+/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** The text with handles and URLs blanked out; input must already be normalised. */
export function stripHandlesAndUrls(normalized: string): string {
  return normalized.replace(URL, ' ').replace(HANDLE, '$1 ');
}

export function tokenize(text: string): string[] {
  const s = stripHandlesAndUrls(normalize(text));
  const tokens: string[] = [];
  for (const raw of s.split(SPLIT)) {
    if (raw === '' || !HAS_WORD_CHAR.test(raw)) continue;
    tokens.push(raw);
  }
  return tokens;
}
