// Which other agency a tweet is about (rules/agencies.yml), if any. Pure. A keyword counts
// unless it is only a place ("the pothole next to the hospital": a locator such as جنب, عند,
// next to stands right before it), and no agency counts when the tweet names a municipal
// hazard (a fallen pole, a street flooding, a pit) or a municipal category rule matched: that
// is a ticket whoever else is involved. A rule about how someone served ("ما يردون", slow) is
// about whoever is named: with another agency named and not us, the matter is theirs.
import { phraseOccurs, type Phrase, type PhraseText } from '../rules/phrases';
import type { AgencyContext, OtherAgency } from './rules';

export interface AgencyMatch {
  agency: OtherAgency;
  /** The keyword that named it, as staff wrote it. */
  keyword: string;
}

const occursAt = (p: Phrase, t: PhraseText, i: number): boolean => {
  const n = p.words.length;
  if (i + n > t.keys.length) return false;
  return phraseOccurs(p, { tokens: t.tokens.slice(i, i + n), keys: t.keys.slice(i, i + n) });
};

/** A locator phrase ends right before position i, or one word before it ("next to the
 *  hospital", "عند بوابة المستشفى"). */
function placeBefore(places: readonly Phrase[], t: PhraseText, i: number): boolean {
  for (const p of places) {
    const n = p.words.length;
    for (const gap of [0, 1]) {
      const start = i - gap - n;
      if (start >= 0 && occursAt(p, t, start)) return true;
    }
  }
  return false;
}

/** The first keyword of the agency that is not a place, or undefined. */
function keywordOf(a: OtherAgency, t: PhraseText, ctx: AgencyContext): string | undefined {
  for (const k of a.keywords)
    for (let i = 0; i + k.words.length <= t.keys.length; i++)
      if (occursAt(k, t, i) && !placeBefore(ctx.places, t, i)) return k.source;
  return undefined;
}

/** The municipal hazard named in the tweet, if any (it keeps the tweet a ticket). */
export function municipalHazard(t: PhraseText, ctx: AgencyContext): string | undefined {
  return ctx.municipal.find((p) => phraseOccurs(p, t))?.source;
}

/** The other agency the tweet is about: the first in the file with a keyword that is not a
 *  place; none when a municipal hazard is named or a municipal rule matched (`problems`: the
 *  categories of the problem rules that matched). */
export function findAgency(
  t: PhraseText,
  agencies: readonly OtherAgency[],
  ctx: AgencyContext,
  problems: readonly string[] = [],
): AgencyMatch | undefined {
  const namesUs = ctx.ours.some((p) => phraseOccurs(p, t));
  if (problems.some((c) => namesUs || !ctx.conduct.includes(c))) return undefined;
  if (municipalHazard(t, ctx)) return undefined;
  for (const agency of agencies) {
    const keyword = keywordOf(agency, t, ctx);
    if (keyword) return { agency, keyword };
  }
  return undefined;
}
