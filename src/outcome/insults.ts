// Insults are not topics (issue 13): "يا كلاب" is not a pest report, "خدمتكم زبالة" is not a
// cleaning one. An insult word is taken for an insult only when it is addressed (يا, انتم,
// you, you are all) or said of us (الموظفين, خدمتكم, staff, service); then it is cut out of
// the text before the rules and the model read it. "الكلاب الضالة" or "الزبالة متكدسة" keep
// their words: nobody is addressed.
import { phraseOccurs, type Phrase, type PhraseText } from '../rules/phrases';
import { isStopWord } from '../text';

export interface InsultRules {
  insults: Phrase[];
  address: Phrase[];
  targets: Phrase[];
}

// Little words that may sit between "you" and the insult ("you are all useless idiots").
const FILLER = new Set(
  'are is r re all so such a bunch of just really total complete كلكم كلهم كلها مجموعه شويه و'.split(' '),
);

const at = (ps: readonly Phrase[], t: PhraseText, i: number): number => {
  for (const p of ps) {
    const n = p.words.length;
    if (i + n > t.keys.length) continue;
    const slice = { tokens: t.tokens.slice(i, i + n), keys: t.keys.slice(i, i + n) };
    if (phraseOccurs(p, slice)) return n;
  }
  return 0;
};

/** Token positions that are insults, and the insult words found (for the "why"). */
export function findInsults(t: PhraseText, r: InsultRules): { cut: Set<number>; words: string[] } {
  const cut = new Set<number>();
  const n = t.tokens.length;
  const isInsult = (i: number) => at(r.insults, t, i);
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
    const addr = at(r.address, t, i);
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
  // A tweet of nothing but insults (and little words) insults whoever it is addressed to.
  const content = t.tokens.map((w, i) => i).filter((i) => !isStopWord(t.tokens[i]!) && !isFiller(i));
  if (
    content.length &&
    content.every((i) => cut.has(i) || isInsult(i) || at(r.address, t, i) || at(r.targets, t, i))
  )
    for (const i of content) if (isInsult(i)) cut.add(i);
  return { cut, words: [...cut].sort((a, b) => a - b).map((i) => t.tokens[i]!) };
}
