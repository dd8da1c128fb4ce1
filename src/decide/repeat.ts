// Is a citizen's new tweet the SAME problem as one of their open tickets, or a new one?
// Same category and window are checked by the caller; this decides on the text. Pure: the
// candidates' texts arrive as arguments, so every branch is unit-tested (test/repeat.test.ts).
//
// The measure is a cosine over the two tweets' problem terms (normalised, dialect-unified,
// stemmed content words from src/text), where place words (what follows حي / شارع / street…)
// weigh `placeWeight` times more when both tweets name a place. Two tweets that name places
// and share none are about different spots ("another pothole on another street"): never a
// repeat, whatever else they share.
import { analyze, normalize, stem, termsOf } from '../text';

export interface SameProblemPolicy {
  /** Similarity (0–1) at or above which the tweet is a repeat. */
  minSimilarity: number;
  /** How much more a shared place word counts than a shared ordinary word. */
  placeWeight: number;
}

export interface ProblemText {
  /** Content terms (stemmed), place words excluded. */
  terms: string[];
  /** Place names (stemmed), e.g. النسيم → نسيم, "Olaya St" → olaya. */
  places: string[];
}

export interface RepeatCandidate {
  ref: string;
  /** The ticket's own tweet first, then tweets already attached to it. */
  texts: string[];
}

export interface RepeatMatch {
  /** The ticket the tweet repeats, when it does. */
  ref?: string;
  /** Best similarity found (0 when there was no candidate). */
  score: number;
  /** One line for the ticket history and `classify --json`. */
  reason: string;
}

// Words that introduce a place. Normalised spelling (ه for ة); matched on the bare token or
// after a glued article/preposition (بحي، والشارع، بشارع).
const AR_MARKERS = [
  'حي',
  'شارع',
  'طريق',
  'دوار',
  'ميدان',
  'تقاطع',
  'مخطط',
  'نفق',
  'جسر',
  'كوبري',
  'ممشي',
  'حديقه',
  'منتزه',
  'مدرسه',
  'مسجد',
  'جامع',
  'سوق',
  'مجمع',
  'مول',
  'صيدليه',
  'محطه',
  'اشاره',
  'مدخل',
  'قدام',
  'جنب',
  'عند',
  'مقابل',
  'بجوار',
  'خلف',
  'ورا',
];
const EN_MARKERS_BEFORE = ['in', 'on', 'at', 'near', 'behind', 'opposite', 'outside', 'beside', 'by'];
const EN_MARKERS_AFTER = [
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'district',
  'park',
  'mall',
  'square',
  'roundabout',
  'school',
  'mosque',
  'store',
  'bookstore',
  'exit',
];
// Parts of many place names that say nothing about which place (شارع الأمير سلطان vs شارع
// الأمير محمد share الأمير), and English articles inside names.
const NAME_FILLERS = new Set(
  [
    'امير',
    'اميره',
    'ملك',
    'شيخ',
    'ابن',
    'بن',
    'بنت',
    'ابو',
    'ام',
    'عبد',
    'al',
    'el',
    'the',
    'king',
    'prince',
    'princess',
    'sheikh',
    'bin',
    'ibn',
    'abu',
    'a',
    'of',
    'our',
    'my',
  ].map((w) => stem(normalize(w))),
);
// Words every complaint uses (time spans, "still", "again", greetings, filler): sharing them
// says nothing about the problem being the same.
const GENERIC = new Set(
  [
    'يوم',
    'يومين',
    'ايام',
    'اسبوع',
    'اسبوعين',
    'شهر',
    'شهرين',
    'سنه',
    'ساعه',
    'امس',
    'البارحه',
    'صباح',
    'ليل',
    'مازال',
    'للحين',
    'لسه',
    'الحين',
    'الان',
    'مره',
    'ثاني',
    'ثانيه',
    'كمان',
    'بعد',
    'وبعد',
    'كذلك',
    'ايضا',
    'سلام',
    'عليكم',
    'الله',
    'يعافيكم',
    'يعطيكم',
    'العافيه',
    'لو',
    'سمحت',
    'نرجو',
    'ارجو',
    'فيه',
    'يوجد',
    'صار',
    'صارت',
    'ما',
    'لا',
    'لم',
    'ليس',
    'نفس',
    'day',
    'days',
    'week',
    'weeks',
    'month',
    'months',
    'year',
    'hour',
    'hours',
    'yesterday',
    'today',
    'tonight',
    'night',
    'morning',
    'still',
    'again',
    'also',
    'now',
    'since',
    'for',
    'not',
    'no',
    'same',
    'there',
    'thank',
    'thanks',
    'please',
  ].flatMap((w) => [stem(normalize(w)), ...termsOf([normalize(w)])]),
);
const NUMBER = /^\p{N}+$/u;

// Everyday words for the same thing that share no stem (زبالة / نفايات / قمامة; lights /
// lamps): a citizen repeating a complaint rarely uses the same word twice.
const SYNONYMS: string[][] = [
  ['زباله', 'نفايات', 'قمامه', 'وساخه', 'اوساخ', 'garbage', 'trash', 'rubbish', 'waste', 'litter'],
  ['حاويه', 'حاويات', 'براميل', 'برميل', 'bin', 'bins', 'container', 'containers', 'dumpster'],
  [
    'انارة',
    'اناره',
    'اضاءه',
    'لمبه',
    'لمبات',
    'اعمده',
    'عمود',
    'light',
    'lights',
    'lamp',
    'lamps',
    'streetlight',
  ],
  ['مويه', 'ميه', 'مياه', 'ماء', 'water'],
  ['حفره', 'حفر', 'جوره', 'حفريه', 'pothole', 'potholes', 'hole', 'pit'],
  ['مجاري', 'صرف', 'بيارة', 'بياره', 'sewage', 'sewer', 'drain', 'drains'],
  ['فئران', 'فار', 'فيران', 'جرذان', 'جرذ', 'rat', 'rats', 'mice', 'mouse', 'rodents'],
  ['كلاب', 'كلب', 'dog', 'dogs'],
  ['صراصير', 'صرصور', 'cockroach', 'cockroaches', 'roaches'],
  ['ماسوره', 'مواسير', 'انبوب', 'pipe', 'pipes'],
  ['تسرب', 'تسريب', 'يتسرب', 'تتسرب', 'leak', 'leaking', 'leaks'],
  ['العاب', 'مراجيح', 'زحليقه', 'swings', 'slide', 'playground'],
  ['رصيف', 'ارصفه', 'بلاط', 'sidewalk', 'pavement', 'tiles'],
  ['مطب', 'مطبات', 'bump', 'bumps', 'hump'],
  ['اسفلت', 'سفلته', 'زفلته', 'asphalt'],
];
const CANONICAL = new Map<string, string>();
for (const group of SYNONYMS)
  for (const w of group)
    for (const t of [stem(normalize(w)), ...termsOf([normalize(w)])]) CANONICAL.set(t, normalize(group[0]!));
const canonical = (term: string) => CANONICAL.get(term) ?? term;

const markerOf = (token: string): boolean => {
  if (AR_MARKERS.includes(token)) return true;
  // A glued article or preposition: بحي، والشارع، لشارع، بالحي
  const bare = token.replace(/^(?:وال|بال|فال|كال|لل|ال|وب|و|ب|ل|ف)/, '');
  return bare !== token && bare.length >= 2 && AR_MARKERS.includes(bare);
};

/** The problem terms and place words of a tweet. */
export function problemText(text: string): ProblemText {
  const terms = new Set<string>();
  const places = new Set<string>();
  // A place name ends at punctuation: "عند إشارة المدارس، الأسفلت متكسر".
  for (const clause of String(text).split(/[،,.!؟?؛;:\n()\-–—]+/u)) {
    const c = clauseText(clause);
    c.terms.forEach((t) => terms.add(t));
    c.places.forEach((t) => places.add(t));
  }
  for (const p of places) terms.delete(p);
  return { terms: [...terms], places: [...places] };
}

function clauseText(clause: string): ProblemText {
  const { tokens } = analyze(clause);
  const placeIdx = new Set<number>();
  const isMarker = (t: string) =>
    markerOf(t) || EN_MARKERS_BEFORE.includes(t) || EN_MARKERS_AFTER.includes(t);
  const nameWord = (i: number) =>
    i >= 0 && i < tokens.length && !NUMBER.test(tokens[i]!) && termsOf([tokens[i]!]).length > 0;
  const filler = (i: number) => termsOf([tokens[i]!]).every((x) => NAME_FILLERS.has(x));
  tokens.forEach((t, i) => {
    if (markerOf(t) || EN_MARKERS_BEFORE.includes(t)) {
      // The name after the marker: one word, through fillers (شارع الأمير سلطان, طريق أنس بن
      // مالك, in Al Wadi); "in the X" skips the article.
      let j = i + 1;
      if (j < tokens.length && !nameWord(j) && !isMarker(tokens[j]!)) j++;
      let names = 0;
      for (; j < tokens.length && j <= i + 5 && nameWord(j) && !isMarker(tokens[j]!); j++) {
        placeIdx.add(j);
        if (filler(j)) continue;
        if (++names >= 1 && !(j + 1 < tokens.length && nameWord(j + 1) && filler(j + 1))) break;
      }
    }
    if (EN_MARKERS_AFTER.includes(t)) {
      // "Olaya St", "Al Nakheel Mall": up to two words before.
      for (let j = i - 1; j >= i - 2 && nameWord(j) && !isMarker(tokens[j]!); j--) placeIdx.add(j);
    }
  });
  const terms: string[] = [];
  const places: string[] = [];
  tokens.forEach((t, i) => {
    if (isMarker(t) && !placeIdx.has(i)) return;
    for (const term of termsOf([t])) {
      if (GENERIC.has(term) || NUMBER.test(term) || [...term].length < 2) continue;
      if (placeIdx.has(i)) {
        if (!NAME_FILLERS.has(term)) places.push(term);
      } else terms.push(canonical(term));
    }
  });
  return { terms, places };
}

/** Similarity of two tweets' problem texts (0–1), and whether they name different places. */
export function problemSimilarity(
  a: ProblemText,
  b: ProblemText,
  placeWeight: number,
): { score: number; differentPlaces: boolean } {
  const bothPlaced = a.places.length > 0 && b.places.length > 0;
  const sharedPlace = a.places.some((p) => b.places.includes(p));
  if (bothPlaced && !sharedPlace) return { score: 0, differentPlaces: true };
  // The same place alone is not the same problem (dry trees and broken swings in one park).
  if (!a.terms.some((t) => b.terms.includes(t))) return { score: 0, differentPlaces: false };
  // When only one tweet names a place, places cannot agree or disagree: leave them out.
  const vec = (p: ProblemText) => {
    const v = new Map<string, number>();
    for (const t of p.terms) v.set(t, 1);
    if (bothPlaced) for (const t of p.places) v.set(`@${t}`, placeWeight);
    return v;
  };
  const va = vec(a);
  const vb = vec(b);
  let dot = 0;
  for (const [k, w] of va) dot += w * (vb.get(k) ?? 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const n = norm(va) * norm(vb);
  return { score: n === 0 ? 0 : dot / n, differentPlaces: false };
}

/**
 * The candidate ticket this tweet repeats (the best match at or above the threshold), or
 * none with the reason. Candidates are the citizen's open tickets of the same category within
 * the window, newest first; a tie goes to the newest.
 */
export function matchRepeat(
  text: string,
  candidates: readonly RepeatCandidate[],
  policy: SameProblemPolicy,
): RepeatMatch {
  if (candidates.length === 0) return { score: 0, reason: 'no open ticket of this category in the window' };
  const mine = problemText(text);
  let best: { ref: string; score: number } | undefined;
  let placesDiffer = 0;
  for (const c of candidates) {
    let score = 0;
    for (const t of c.texts) {
      const s = problemSimilarity(mine, problemText(t), policy.placeWeight);
      if (s.differentPlaces) placesDiffer++;
      score = Math.max(score, s.score);
    }
    if (!best || score > best.score) best = { ref: c.ref, score };
  }
  const score = Math.round(best!.score * 1000) / 1000;
  if (best && best.score >= policy.minSimilarity)
    return {
      ref: best.ref,
      score,
      reason: `same problem as ${best.ref} (similarity ${score.toFixed(2)} ≥ ${policy.minSimilarity})`,
    };
  return {
    score,
    reason:
      score === 0 && placesDiffer > 0
        ? 'a different place from the open tickets of this category: a new problem'
        : `not the same problem (best similarity ${score.toFixed(2)} < ${policy.minSimilarity}, ${best!.ref})`,
  };
}
