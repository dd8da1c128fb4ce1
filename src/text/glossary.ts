// Cross-language glosses (issue 13): the municipal words of Urdu (Arabic script and Roman),
// Persian, Pashto, Hindi (Devanagari and Roman), Bengali and Tagalog, with their Arabic
// equivalent, appended to the text the rules, the urgent signals and the model read, so
// "سڑک پر گڑھا" finds the roads rules like "حفرة في الشارع" and "gutter ka dhakkan nahi"
// is an open manhole (urgent) like its Arabic twin. The lexicons (gloss-*.ts) are by kind
// of thing; this file only looks words up. Only for tweets detected in those languages:
// Arabic, Arabizi (transliterated instead) and English text is never touched.
// Urdu خراب is "broken" (Arabic خربان), not خرابة "ruin" (a building).
import type { Lang } from './lang';
import { normalize } from './normalize';
import { PASHTO, PERSIAN, URDU } from './gloss-arabic-script';
import { BENGALI, HINDI } from './gloss-indic';
import { ROMAN_URDU, TAGALOG } from './gloss-latin';

type Lexicon = ReadonlyMap<string, string>;

// Keyboard variants of one letter (Urdu ہ/ھ and Arabic ه/ة; ی/ے/ى and ي; ک and ك), the
// Devanagari nukta and chandrabindu, doubled Latin letters (gaddha/gadha, paani/pani) and a
// final "ay" (bachay/bache): folded the same way on the lexicon's side and the tweet's.
function fold(word: string): string {
  return normalize(word)
    .replace(/[\u06C1\u06C2\u06C3\u06BE\u0629]/g, 'ه')
    .replace(/[\u06CC\u06D2\u06D3\u0649\u06D0\u06CD]/g, 'ي')
    .replace(/[\u06A9\u06AA]/g, 'ك')
    .replace(/\u093C/g, '')
    .replace(/\u0901/g, '\u0902')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ay$/, 'e');
}

function compile(...lexicons: Record<string, string>[]): Lexicon {
  const m = new Map<string, string>();
  for (const lex of lexicons)
    for (const [k, v] of Object.entries(lex)) {
      const key = k.split(/\s+/).map(fold).join(' ');
      if (!m.has(key)) m.set(key, v);
    }
  return m;
}

const URDU_LEX = compile(URDU);
const PERSIAN_LEX = compile(PERSIAN);
const PASHTO_LEX = compile(PASHTO);
const ROMAN_LEX = compile(ROMAN_URDU);
const TAGALOG_LEX = compile(TAGALOG);
const HINDI_LEX = compile(HINDI);
const BENGALI_LEX = compile(BENGALI);
const SKELETONS = new Map<Lexicon, Lexicon>([ROMAN_LEX, TAGALOG_LEX].map((l) => [l, skeletons(l)]));

// The detected language's lexicon first, then its neighbours in the same script (a short
// Urdu tweet may be read as Persian, Roman Urdu as Tagalog): a word known in the first
// lexicon, even with no gloss, is not looked up further.
const LEXICONS: Partial<Record<Lang, Lexicon[]>> = {
  ur: [URDU_LEX, ROMAN_LEX, PERSIAN_LEX, PASHTO_LEX],
  fa: [PERSIAN_LEX, URDU_LEX, PASHTO_LEX],
  ps: [PASHTO_LEX, URDU_LEX, PERSIAN_LEX],
  hi: [HINDI_LEX, ROMAN_LEX],
  bn: [BENGALI_LEX],
  tl: [TAGALOG_LEX, ROMAN_LEX],
  other: [URDU_LEX, HINDI_LEX, BENGALI_LEX],
};

// Endings that glue to a word: Bengali case endings (রাস্তায় "on the road", রাস্তার "of
// the road"), Persian plurals (چاله‌ها once the joiner is gone), the Tagalog linker -ng.
const SUFFIXES = ['গুলো', 'গুলি', 'টা', 'টি', 'ের', 'য়', 'র', 'ে', 'তে', 'هاي', 'ها', 'ng'];

// Roman Urdu and Tagalog have no fixed spelling (kachra, kachraa, kchra; gutter, gatar):
// a Latin word not found as written is looked up by its consonants (the first letter kept),
// when it has at least four and they name one gloss only (with three, English words mixed
// in collide: green/girne, post/poste, land/lunod).
function skeleton(w: string): string {
  return w[0]! + w.slice(1).replace(/[aeiouy]/g, '');
}
function skeletons(lex: Lexicon): Lexicon {
  const m = new Map<string, string>();
  const clash = new Set<string>();
  for (const [k, v] of lex) {
    if (!/^[a-z]+$/.test(k)) continue;
    const sk = skeleton(k);
    if (sk.replace(/[aeiou]/g, '').length < 4) continue;
    if (m.has(sk) && m.get(sk) !== v) clash.add(sk);
    m.set(sk, v);
  }
  for (const sk of clash) m.delete(sk);
  return m;
}

function exact(word: string, lexicons: Lexicon[]): string | undefined {
  for (const lex of lexicons) {
    const hit = lex.get(word);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function lookup(word: string, lexicons: Lexicon[], loose = true): string | undefined {
  const hit = exact(word, lexicons);
  if (hit !== undefined) return hit;
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix) || [...word].length - [...suffix].length < 2) continue;
    // The linker -ng is Tagalog's ("billing" is no Roman Urdu bili + ng).
    if (suffix === 'ng' && lexicons[0] !== TAGALOG_LEX) continue;
    const base = exact(word.slice(0, -suffix.length), suffix === 'ng' ? [TAGALOG_LEX] : lexicons);
    if (base !== undefined) return base;
  }
  if (!loose) return undefined;
  // Urdu writes a final -a either way (کچرا / کچرہ).
  if (/[اه]$/.test(word)) {
    const other = exact(word.slice(0, -1) + (word.endsWith('ا') ? 'ه' : 'ا'), lexicons);
    if (other !== undefined) return other;
  }
  if (/^[a-z]+$/.test(word)) {
    const sk = skeleton(word);
    for (const lex of lexicons) {
      const hit = SKELETONS.get(lex)?.get(sk);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

// Two words that together say what neither does alone, as the Arabic rules and signals
// phrase it: "dhakkan nahi" (no lid) is بدون غطاء, "lights band" is طافي, food and
// illness is poisoning, "phone nahi uthate" is ما يردون, an old building is مبنى قديم.
const COMBOS: { all: string[][]; add: string }[] = [
  { all: [['غطاء'], ['#neg']], add: 'بدون غطاء' },
  { all: [['اناره'], ['#neg', '#off']], add: 'طافي' },
  { all: [['مياه'], ['#fill']], add: 'تجمع مياه' },
  { all: [['#current'], ['#struck']], add: 'صعق' },
  // Questions: how to obtain a paper, which papers are needed, what time an office opens.
  { all: [['كيف'], ['#obtain']], add: 'كيف استخرج' },
  { all: [['#papers'], ['#need', 'كيف', '#obtain']], add: 'المستندات المطلوبه' },
  { all: [['#time'], ['يفتح', 'مفتوح', 'مكتب']], add: 'متى يفتح' },
  {
    all: [
      ['اكل', 'مطعم'],
      ['مرض', 'استفراغ'],
    ],
    add: 'تسمم',
  },
  { all: [['#phone', '#answer'], ['#neg']], add: 'ما يردون' },
  { all: [['مبنى', 'جدار', 'سقف', 'بيت'], ['قديم']], add: 'مبنى قديم' },
];

/** The normalised tokens' Arabic glosses, or [] for languages that need none. */
export function glossesFor(lang: Lang, tokens: readonly string[]): string[] {
  const lexicons = LEXICONS[lang];
  if (!lexicons) return [];
  const words = tokens.map(fold);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // Two-word names first (مین ہول, street light in Devanagari, نگر निगम).
    const pair = i + 1 < words.length ? lookup(`${words[i]} ${words[i + 1]}`, lexicons) : undefined;
    if (pair !== undefined) {
      if (pair) found.push(pair);
      i++;
      continue;
    }
    const hit = lookup(words[i]!, lexicons);
    if (hit) found.push(hit);
  }
  const has = (g: string) => found.includes(g);
  const out = found.filter((g) => !g.startsWith('#'));
  for (const c of COMBOS) if (c.all.every((alts) => alts.some(has))) out.push(c.add);
  return out;
}

const LATIN_LEXICONS: Partial<Record<Lang, Lexicon>> = { ur: ROMAN_LEX, tl: TAGALOG_LEX };
const ARABIC_SCRIPT_LEXICONS: Partial<Record<Lang, Lexicon>> = {
  ur: URDU_LEX,
  fa: PERSIAN_LEX,
  ps: PASHTO_LEX,
};

/** How many of the words are in the language's municipal lexicon (Roman Urdu, Tagalog,
 *  Urdu, Persian, Pashto): evidence for language.ts besides function words. */
export function lexiconHits(lang: Lang, words: readonly string[]): number {
  const lex = LATIN_LEXICONS[lang] ?? ARABIC_SCRIPT_LEXICONS[lang];
  if (!lex) return 0;
  return words.filter((w) => lookup(fold(w), [lex], false) !== undefined).length;
}
