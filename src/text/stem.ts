// Light stemming: Larkey, Ballesteros & Connell's "light10" (with two dialect additions below) for Arabic-script tokens
// ("Light Stemming for Arabic Information Retrieval", 2007), natural's Porter stemmer for
// Latin. Light10 only strips affixes, so broken plurals keep their own stem
// (الشوارع → شوارع, not شارع) — the right trade for short noisy tweets: it never merges
// unrelated roots the way root extractors do. Input is a normalised token (ة is already ه,
// ى is already ي), which is why the suffix list below has no ة.
// natural's submodule, not its index: the index loads storage modules that call dotenv.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as {
  stem(token: string): string;
};

const ARABIC_LETTERS = /^[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+$/;
const LATIN_WORD = /^[a-z]+$/;

// Definite articles with their attached conjunction/preposition, longest first.
// Plus هال, the Gulf/Levantine "this" (هالتطبيق "this app"), which behaves like an article.
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'هال', 'لل', 'ال'];
const PROGRESSIVE_B = /^ب[يتنا]/;
// light10 suffixes in its order; each is tried once, right to left.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

// Words whose light10 suffix cut lands on another, unrelated word (issue 13 audit): مطعمين
// "vaccinated" ≠ مطعم "restaurant", طريقه "way, method" ≠ طريق "road", شقه "flat" ≠ شق
// "crack", خرابه "ruin" ≠ Urdu خراب "broken", جامعه "university" ≠ جامع "mosque", مدرسه "school" ≠ مدرس "teacher", سكين "knife",
// بنزين "petrol". Matched after the article is removed; they keep their whole spelling.
// Also (second audit): تلفون "telephone" ≠ تلف "damage", كرتون "cardboard" ≠ كرت "card",
// زبون "customer" ≠ a vulgar two-letter stem, حيه "snake" ≠ حي "district" (for the model),
// ليتات "lights" ≠ ليت "I wish", تامين "insurance" ≠ تام "complete".
const KEEP_WHOLE = new Set(
  [
    'مطعمين خرابه خرابات طريقه شقه جامعه مدرسه سكين بنزين روتين ياسمين تموين كليه',
    'تلفون تليفون كرتون زبون حيه ليتات تامين',
  ]
    .join(' ')
    .split(' '),
);
// Words whose first letters look like the article or the conjunction but belong to the word:
// بالوعه "drain" (not بال + وعه, which left البالوعه and بالوعه with different stems), and
// nouns whose root starts with و — ورشه "workshop" (not رش "spraying"), وجبه "meal" (not جب
// "well"; الوجبه kept its و), وسخ/وساخه "dirt", وادي "valley", وايت "water truck", ولد "boy",
// وحده "one", وزاره "ministry", وظيفه "job", ورقه "paper", وقود "fuel". Prefixes of the word
// after any article; a conjunction before them (وورشه) is still removed. Also nouns whose ب
// looks like the dialect progressive (بيصير): بياره "cesspit", بنايه "building", بيانات
// "data", بيئه "environment", بياع "seller", بيطري "veterinary" — without them بياره lost its
// ب but البياره kept it, so no rule for بيارة ever met "البيارة".
const WORD_INITIAL = [
  'بالوع',
  'بيار',
  'بناي',
  'بيان',
  'بيئ',
  'بياع',
  'بيطر',
  'بالون',
  'ورش',
  'وجب',
  'وسخ',
  'وساخ',
  'وادي',
  'وايت',
  'ولد',
  'وحد',
  'وزار',
  'وظيف',
  'ورق',
  'وقود',
];
const wordInitial = (w: string) => WORD_INITIAL.some((p) => w.startsWith(p));

export function stemArabic(token: string): string {
  let w = token;
  if (KEEP_WHOLE.has(w)) return w;
  // و "and": only when a word of at least 3 letters is left (وزن keeps its و).
  if (w.startsWith('و') && w.length >= 4 && !wordInitial(w)) w = w.slice(1);
  // Beyond light10: the dialect progressive/future ب before a verb prefix (بيصير, بتقدر,
  // باخذ), also ب "with" before such a noun. Measured +0.5 point on ArBanking77 Saudi.
  if (w.length >= 5 && PROGRESSIVE_B.test(w) && !wordInitial(w)) w = w.slice(1);
  for (const a of ARTICLES) {
    if (wordInitial(w)) break;
    if (w.startsWith(a) && w.length - a.length >= 2) {
      w = w.slice(a.length);
      break;
    }
  }
  if (KEEP_WHOLE.has(w)) return w;
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 2 && w.endsWith(s)) w = w.slice(0, -s.length);
  }
  return w;
}

export function stem(token: string): string {
  if (ARABIC_LETTERS.test(token)) return stemArabic(token);
  if (LATIN_WORD.test(token)) return PorterStemmer.stem(token);
  return token;
}
