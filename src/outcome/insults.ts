// Insults are not topics (issue 13): "يا كلاب" is not a pest report, "خدمتكم زبالة" is not a
// cleaning one. An insult word is taken for an insult only when it is addressed (يا, انتم,
// you, you are all) or said of us (الموظفين, خدمتكم, staff, service); then it is cut out of
// the text before the rules and the model read it. "الكلاب الضالة" or "الزبالة متكدسة" keep
// their words: nobody is addressed, and a literal cue (ضالة, حاوية, truck, stray) next to the
// word says it is the thing itself. Curses and obscenity ("الله ياخذكم", "screw you") are
// insults wherever they stand: they are never a municipal topic.
import { phraseOccurs, type Phrase, type PhraseText } from '../rules/phrases';
import { isStopWord } from '../text';

export interface InsultRules {
  insults: Phrase[];
  address: Phrase[];
  targets: Phrase[];
  /** Insult words that are also topics when literal (كلاب, زبالة, dogs, trash): insults only
   *  when addressed or said of us, and never next to a literal cue. */
  topical?: Phrase[];
  /** Insults wherever they stand (curses, obscenity). */
  curses?: Phrase[];
  /** Words that make a nearby topical word the thing itself (ضالة, حاوية, truck, stray). */
  literal?: Phrase[];
}

// Little words that may sit between "you" and the insult ("you are all useless idiots", "انتم
// شلة حرامية", "tum log bilkul nikamme ho"): grammar, never a topic.
const FILLER = new Set(
  (
    'are is r re all so such a an the bunch of just really total complete absolute absolutely ' +
    'utter utterly guys lot people this these those what and ' +
    'كلكم كلهم كلها مجموعه شويه شله و والله ' +
    'ho hai hain ho sab log bilkul bohat bahut bahot ek number ke ki ka'
  ).split(/\s+/),
);
// How far (in words) a literal cue reaches: "كلاب ضالة", "stray dogs", "the garbage truck".
const LITERAL_REACH = 2;

const at = (ps: readonly Phrase[] | undefined, t: PhraseText, i: number): number => {
  for (const p of ps ?? []) {
    const n = p.words.length;
    if (i + n > t.keys.length) continue;
    const slice = { tokens: t.tokens.slice(i, i + n), keys: t.keys.slice(i, i + n) };
    if (phraseOccurs(p, slice)) return n;
  }
  return 0;
};

// "الحشرات", "the dogs": a definite noun names the thing; an insult is said bare ("يا كلاب",
// "البلدية زبالة", "you dogs").
const DEFINITE = /^(?:ال|وال|بال|فال|كال|لل)../;
const ENGLISH_ARTICLE = new Set(['the', 'these', 'those', 'this', 'that']);

/** Is the topical word at i (n words long) used literally: definite, or a literal cue within
 *  reach? */
function literalAt(t: PhraseText, r: InsultRules, i: number, n: number): boolean {
  if (DEFINITE.test(t.tokens[i]!) || (i > 0 && ENGLISH_ARTICLE.has(t.tokens[i - 1]!))) return true;
  if (!r.literal?.length) return false;
  for (let k = Math.max(0, i - LITERAL_REACH); k < Math.min(t.tokens.length, i + n + LITERAL_REACH); k++)
    if ((k < i || k >= i + n) && at(r.literal, t, k)) return true;
  return false;
}

/** Token positions that are insults, and the insult words found (for the "why"). */
export function findInsults(t: PhraseText, r: InsultRules): { cut: Set<number>; words: string[] } {
  const cut = new Set<number>();
  const n = t.tokens.length;
  const curseAt = (i: number) => at(r.curses, t, i);
  const isInsult = (i: number) => {
    const c = curseAt(i);
    if (c) return c;
    const k = at(r.insults, t, i);
    if (k) return k;
    const m = at(r.topical, t, i);
    return m && !literalAt(t, r, i, m) ? m : 0;
  };
  const isFiller = (i: number) => FILLER.has(t.tokens[i]!) || t.tokens[i] === 'يا';
  // An insult run starting at i (insults with fillers between): its end, or i when none.
  const run = (i: number): number => {
    let j = i;
    let end = i;
    while (j < n) {
      const k = isInsult(j);
      if (k) {
        j += k;
        end = j;
      } else if (isFiller(j) && end > i) j++;
      else break;
    }
    return end;
  };
  const mark = (a: number, b: number) => {
    for (let k = a; k < b; k++) cut.add(k);
  };
  for (let i = 0; i < n; i++) {
    // A curse is an insult wherever it stands ("الله لا يوفقكم", "screw this").
    const c = curseAt(i);
    if (c) {
      mark(i, i + c);
      i += c - 1;
      continue;
    }
    // "thank you" addresses nobody to insult.
    const addr = i > 0 && t.tokens[i - 1] === 'thank' ? 0 : at(r.address, t, i);
    const target = addr ? 0 : at(r.targets, t, i);
    if (addr || target) {
      // Skip up to three little words after "you" / "the staff", then the insults.
      let j = i + (addr || target);
      for (let s = 0; s < 3 && j < n && isFiller(j) && !isInsult(j); s++) j++;
      const end = run(j);
      if (end > j) {
        mark(addr ? i : j, end); // "يا كلاب" goes whole; "الموظفين كلاب" keeps الموظفين
        i = end - 1;
        continue;
      }
    }
    // "trash service", "زبالة خدمتكم": an insult right before a target.
    const k = isInsult(i);
    if (k && at(r.targets, t, i + k)) mark(i, i + k);
  }
  // A tweet of nothing but insults (and little words) insults whoever it is addressed to —
  // when it names someone, or holds two insults: one bare "الزبالة!" may be a photo of it.
  const content = contentAt(t).filter((i) => !isFiller(i));
  const named = content.some((i) => at(r.address, t, i) || at(r.targets, t, i)) || cut.size > 0;
  const insultWords = content.filter((i) => isInsult(i));
  if (
    content.length &&
    (named || insultWords.length >= 2) &&
    content.every((i) => cut.has(i) || isInsult(i) || at(r.address, t, i) || at(r.targets, t, i))
  )
    for (const i of insultWords) cut.add(i);
  return { cut, words: [...cut].sort((a, b) => a - b).map((i) => t.tokens[i]!) };
}

/** Nothing in the tweet but insults and whom they are said to (يا, انتم, الموظفين, service):
 *  no topic is left, whatever a model would guess from "the staff". */
export function onlyInsults(t: PhraseText, r: InsultRules): boolean {
  const { cut } = findInsults(t, r);
  if (!cut.size) return false;
  const covered = new Set(cut);
  for (let i = 0; i < t.tokens.length; i++) {
    const k = at(r.address, t, i) || at(r.targets, t, i);
    for (let j = i; j < i + k; j++) covered.add(j);
  }
  return contentAt(t).every((i) => covered.has(i) || FILLER.has(t.tokens[i]!));
}

const contentAt = (t: PhraseText) =>
  t.tokens.map((_, i) => i).filter((i) => !isStopWord(t.tokens[i]!) && !/^\d+$/.test(t.tokens[i]!));
