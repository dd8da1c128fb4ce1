// rules/outcomes.yml and rules/agencies.yml, compiled once per pack: phrase lists become
// Phrases (matched like category rules), patterns become RE2 regexes. Both files are optional:
// a pack without them treats every mention as before (a complaint unless rules say otherwise).
import path from 'node:path';
import type { PackCheck, RulePack } from '../rules/pack';
import { compilePhrase, phraseOccurs, type Phrase, type PhraseText } from '../rules/phrases';
import type { Problem } from '../rules/problem';
import { compileRegex, type StaffRegex } from '../rules/regex';
import type { YamlPath, YamlSource } from '../rules/yaml-source';
import type { Bilingual } from '../reply/types';

export const OUTCOMES_FILE = 'outcomes.yml';
/** learned.threshold when outcomes.yml sets none. */
export const DEFAULT_MODEL_THRESHOLD = 0.9;
export const AGENCIES_FILE = 'agencies.yml';

export interface OtherAgency {
  id: string;
  names: Bilingual;
  handle?: string;
  contact: Bilingual;
  keywords: Phrase[];
}

/** agencies.yml beyond the agencies themselves (src/outcome/agencies.ts reads them). */
export interface AgencyContext {
  /** Words that, right before an agency's keyword, make it a place ("next to the hospital"). */
  places: Phrase[];
  /** Municipal hazards that keep a tweet a ticket whatever agency it names (fallen, flooding). */
  municipal: Phrase[];
  /** Words naming this agency itself (البلدية, the municipality). */
  ours: Phrase[];
  /** Categories about how someone served (no answer, slow): theirs when only they are named. */
  conduct: string[];
}

export interface OutcomeRules {
  spam: {
    phrases: Phrase[];
    contact: Phrase[];
    offers: Phrase[];
    regex: StaffRegex[];
  };
  chatter: { phrases: Phrase[] };
  /** P(spam) + P(chatter) of the learned score at or above which it counts (absent: the default). */
  learned?: { threshold: number };
  abuse: {
    insults: Phrase[];
    address: Phrase[];
    targets: Phrase[];
    topical: Phrase[];
    curses: Phrase[];
    literal: Phrase[];
    reply?: Bilingual;
  };
  sarcasm: {
    praise: Phrase[];
    signals: Phrase[];
    resolved: Phrase[];
    /** Phrases that are sarcasm by themselves ("thanks for nothing", "يا سلام على"). */
    ironic: Phrase[];
    emoji: string[];
    /** Applause (👏): a signal over a problem without a fix, not over thanks alone. */
    applause: string[];
    regex: StaffRegex[];
  };
  agencies: OtherAgency[];
  agencyContext: AgencyContext;
  referral?: Bilingual;
}

type OutcomesYaml = {
  spam?: {
    phrases?: string[];
    contact?: string[];
    offers?: string[];
    regex?: string[];
  };
  chatter?: { phrases?: string[] };
  learned?: { threshold?: number };
  abuse?: {
    insults?: string[];
    address?: string[];
    targets?: string[];
    topical?: string[];
    curses?: string[];
    literal?: string[];
    reply?: Bilingual;
  };
  sarcasm?: {
    praise?: string[];
    signals?: string[];
    resolved?: string[];
    ironic?: string[];
    emoji?: string[];
    applause?: string[];
    regex?: string[];
  };
};
type AgenciesYaml = {
  referral: Bilingual;
  places?: string[];
  municipal?: string[];
  ours?: string[];
  conduct?: string[];
  agencies: { id: string; names: Bilingual; handle?: string; contact: Bilingual; keywords: string[] }[];
};

function compile(pack: RulePack): { rules: OutcomeRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const oFile = path.join(pack.dir, OUTCOMES_FILE);
  const aFile = path.join(pack.dir, AGENCIES_FILE);
  const oSrc = pack.sources[oFile];
  const aSrc = pack.sources[aFile];
  const o = (oSrc?.data ?? {}) as OutcomesYaml;
  const a = aSrc?.data as AgenciesYaml | undefined;
  const list = (src: YamlSource | undefined, items: string[] | undefined, at: YamlPath): Phrase[] =>
    (items ?? []).flatMap((t, i) => {
      const p = compilePhrase(t);
      if (typeof p !== 'string') return [p];
      if (src) problems.push(src.problemAt([...at, i], p));
      return [];
    });
  const res = (items: string[] | undefined, at: YamlPath): StaffRegex[] =>
    (items ?? []).flatMap((t, i) => {
      const r = compileRegex(t);
      if (typeof r !== 'string') return [r];
      if (oSrc) problems.push(oSrc.problemAt([...at, i], r));
      return [];
    });
  const rules: OutcomeRules = {
    spam: {
      phrases: list(oSrc, o.spam?.phrases, ['spam', 'phrases']),
      contact: list(oSrc, o.spam?.contact, ['spam', 'contact']),
      offers: list(oSrc, o.spam?.offers, ['spam', 'offers']),
      regex: res(o.spam?.regex, ['spam', 'regex']),
    },
    chatter: { phrases: list(oSrc, o.chatter?.phrases, ['chatter', 'phrases']) },
    learned: { threshold: o.learned?.threshold ?? DEFAULT_MODEL_THRESHOLD },
    abuse: {
      insults: list(oSrc, o.abuse?.insults, ['abuse', 'insults']),
      address: list(oSrc, o.abuse?.address, ['abuse', 'address']),
      targets: list(oSrc, o.abuse?.targets, ['abuse', 'targets']),
      topical: list(oSrc, o.abuse?.topical, ['abuse', 'topical']),
      curses: list(oSrc, o.abuse?.curses, ['abuse', 'curses']),
      literal: list(oSrc, o.abuse?.literal, ['abuse', 'literal']),
      ...(o.abuse?.reply ? { reply: o.abuse.reply } : {}),
    },
    sarcasm: {
      praise: list(oSrc, o.sarcasm?.praise, ['sarcasm', 'praise']),
      signals: list(oSrc, o.sarcasm?.signals, ['sarcasm', 'signals']),
      resolved: list(oSrc, o.sarcasm?.resolved, ['sarcasm', 'resolved']),
      ironic: list(oSrc, o.sarcasm?.ironic, ['sarcasm', 'ironic']),
      emoji: o.sarcasm?.emoji ?? [],
      applause: o.sarcasm?.applause ?? [],
      regex: res(o.sarcasm?.regex, ['sarcasm', 'regex']),
    },
    agencies: (a?.agencies ?? []).map((g, i) => ({
      id: g.id,
      names: g.names,
      ...(g.handle ? { handle: g.handle.replace(/^@/, '') } : {}),
      contact: g.contact,
      keywords: list(aSrc, g.keywords, ['agencies', i, 'keywords']),
    })),
    agencyContext: {
      places: list(aSrc, a?.places, ['places']),
      municipal: list(aSrc, a?.municipal, ['municipal']),
      ours: list(aSrc, a?.ours, ['ours']),
      conduct: a?.conduct ?? [],
    },
    ...(a?.referral ? { referral: a.referral } : {}),
  };
  const known = new Set(pack.categories.map((c) => c.id));
  (a?.conduct ?? []).forEach((id, i) => {
    if (aSrc && !known.has(id)) problems.push(aSrc.problemAt(['conduct', i], `no category '${id}'`));
  });
  for (const [k, t] of Object.entries({ ...(a?.referral ?? {}), ...prefixed(o.abuse?.reply) })) {
    const src = k.startsWith('abuse.') ? oSrc : aSrc;
    const at: YamlPath = k.startsWith('abuse.') ? ['abuse', 'reply', k.slice(6)] : ['referral', k];
    if (src && t !== undefined && /@|https?:|www\./i.test(t))
      problems.push(src.problemAt(at, 'a reply to citizens may hold no link and no @handle'));
  }
  return { rules, problems };
}

const prefixed = (b: Bilingual | undefined) =>
  b
    ? Object.fromEntries(
        Object.entries(b).flatMap(([k, v]) => (typeof v === 'string' ? [[`abuse.${k}`, v]] : [])),
      )
    : {};

export const outcomesCheck: PackCheck = (pack) => compile(pack).problems;

export function outcomeRulesFromPack(pack: RulePack): OutcomeRules {
  return compile(pack).rules;
}

export const anyOccurs = (ps: readonly Phrase[], t: PhraseText): Phrase | undefined =>
  ps.find((p) => phraseOccurs(p, t));
