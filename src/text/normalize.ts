// Arabic-first text normalisation (DESIGN.md "Arabic text"). Everything downstream — rule
// phrases, tokens, the model — sees text through this one function, so it must be
// idempotent and total (any Unicode in, a string out, never a throw).

// Harakat, tanween, shadda, sukun, superscript alef and the other combining marks of the
// Arabic block, plus Quranic annotation marks: none of them distinguish words in tweets.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
// Zero-width and bidi control characters (and the BOM / soft hyphen): invisible, but they
// split or glue words when copied from phones.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
// Lone surrogates and C0/C1 controls become spaces: they are never part of a word.
const JUNK = /[\p{Cs}\p{Cc}]/gu;

// One letter per spelling variant that tweets use interchangeably.
const LETTER_MAP: Record<string, string> = {
  أ: 'ا', // U+0623 alef with hamza above
  إ: 'ا', // U+0625 alef with hamza below
  آ: 'ا', // U+0622 alef with madda
  ٱ: 'ا', // U+0671 alef wasla
  ى: 'ي', // U+0649 alef maksura
  ة: 'ه', // U+0629 teh marbuta
  ی: 'ي', // U+06CC Persian yeh (Persian keyboards)
  ک: 'ك', // U+06A9 keheh (Persian kaf)
  ۀ: 'ه', // U+06C0 heh with yeh above
};
const LETTERS = /[أإآٱىةیکۀ]/g;
// Arabic-Indic ٠-٩ (U+0660) and Extended/Persian ۰-۹ (U+06F0) digits → ASCII.
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function normalize(text: string): string {
  let s = String(text).normalize('NFKC').toLowerCase();
  s = s.replace(JUNK, ' ').replace(INVISIBLE, '').replace(ARABIC_MARKS, '').replace(TATWEEL, '');
  s = s.replace(LETTERS, (c) => LETTER_MAP[c] ?? c);
  s = s.replace(DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
  // Removing marks can leave a base + non-Arabic combining mark uncomposed: compose again.
  return s.normalize('NFKC');
}
