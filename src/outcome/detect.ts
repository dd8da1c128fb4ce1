// What kind of mention this is (issue 13): a complaint, or spam, chatter, an insult, another
// agency's matter — each a distinct outcome with a reason staff can read — plus sarcasm
// (praise over a complaint signal), which stays a complaint. Pure. Every outcome other than a
// complaint needs positive evidence, and any sign of a complaint wins: an unanswered citizen
// costs more than an extra ticket.
import type { Outcome } from './types';
import { phraseOccurs, type Phrase, type PhraseText } from '../rules/phrases';
import { isStopWord, normalize } from '../text';
import { fromDialect } from '../text/dialect';
import { anyOccurs, DEFAULT_MODEL_THRESHOLD, type OutcomeRules } from './rules';
import { findAgency } from './agencies';
import { onlyInsults } from './insults';

/** P(spam), P(chatter) of the tweet from the learned outcome score. */
export interface LearnedScores {
  spam: number;
  chatter: number;
}

export interface OutcomeInput {
  /** The normalised text with links kept (spam looks at links and phone numbers). */
  normalized: string;
  /** The words rules read (insults already cut out). */
  words: PhraseText;
  /** The words before insults were cut. */
  fullWords: PhraseText;
  /** Category rules that matched the cut text, in the order tried. */
  matched: { id: string; category: string }[];
  urgent: boolean;
  /** The category decided so far, and how. */
  category: string;
  source: 'rule' | 'model' | 'fallback';
  /** The model's guesses, best first. */
  model: { category: string; p: number }[];
  /** The model's guesses on the text without its praise words (sarcasm's topic), when praised. */
  modelWithoutPraise?: { category: string; p: number }[];
  /** Insult words found (cut from `words`). */
  insults: string[];
  /** Model confidence needed to trust it (the triage threshold). */
  threshold: number;
  /** The learned spam/chatter score (src/classify/outcome-model.ts), when the pack has one. */
  learned?: LearnedScores;
}

export interface OutcomeResult {
  outcome: Outcome;
  reason: string;
  /** For sarcasm: the complaint's category instead of praise (source says from what). */
  recategorised?: {
    category: string;
    source: 'rule' | 'model' | 'fallback';
    rule?: string;
    confidence: number;
  };
  sarcasm?: boolean;
  insult?: boolean;
  /** The other agency, for referrals. */
  agency?: string;
}

// Categories that are not a municipal problem to fix.
const NOT_A_PROBLEM = new Set(['other', 'inquiry', 'praise']);
const NEGATION = new Set([
  'ما',
  'لا',
  'مو',
  'مش',
  'مب',
  'موب',
  'ليس',
  'لم',
  'لن',
  'مافي',
  'مافيه',
  'not',
  'no',
  'never',
  "don't",
  'cant',
  "can't",
  'wont',
  'isnt',
  'nahi',
  'nahin',
  'نہیں',
  'نیست',
]);
// Words that ask for something: a tweet with them is never chatter by the wider test.
const REQUEST = new Set([
  'please',
  'pls',
  'plz',
  'fix',
  'help',
  'urgent',
  'ارجو',
  'نرجو',
  'ياليت',
  'نطالب',
  'اطالب',
  'اريد',
  'نريد',
  'محد',
  'مافي',
  'وين',
  'متى',
  'ليش',
  // answering is asked for too ("يا كلاب ردوا على البلاغ" is a complaint that insults)
  'ردوا',
  'ردو',
  'تحركوا',
  'answer',
  'respond',
  'reply',
]);
// Tokens are normalised (ى → ي, ة → ه): so are the words they are compared with (متى, …).
for (const w of [...REQUEST]) REQUEST.add(normalize(w));
// With its conjunction too: ومحد, وليش.
const asksWord = (w: string) => REQUEST.has(w) || REQUEST.has(fromDialect(w));
const asks = (t: PhraseText) =>
  t.tokens.some((w) => asksWord(w) || (w.length > 3 && w.startsWith('و') && asksWord(w.slice(1))));
/** P(spam) at which an agency keyword no longer asks for both an offer and a contact. */
const SURE = 0.95;
// Questions to the crowd, not to us: who, anyone, your opinions, did you know.
const CROWD =
  /(^|[^\p{L}])(احد|حد|مين|من يتوقع|رايكم|رأيكم|تتوقعون|هل تعلم|عرفتوا|تدرون|anyone|anybody|who|did you know|what do you think|thoughts)([^\p{L}]|$)/iu;
const EN_NEGATION =
  /\b(?:can't|cannot|won't|don't|doesn't|didn't|isn't|aren't|wasn't|haven't|hasn't|never|not)\b/i;
// Words of something gone wrong, which small talk seldom has (ordinary, not by topic).
const TROUBLE =
  /(^|[^\p{L}])(غير صحيح|خطا|غلط|مشكله|عطل|معطل|خربان|خربانه|رفض|رفضوا|تاخير|متاخر|error|wrong|broken|problem|issue|refused|refuses|waited|waiting|hung up|shouted|rude|stuck|delayed)([^\p{L}]|$)/iu;
// Distress emoji: small talk laughs and cheers; a resident in trouble sighs, fumes or feels sick.
const DISTRESS = /[😩😫😤😠😡🤬😭😢😞😔😟💔🤮🤢😷🥵😣😖]/u;
/** Content words beyond the chatter phrases that the wider chatter test allows. */
const CHATTER_MORE_WORDS = 6;
const LINK = /https?:\/\/|www\.|\bt\.co\//;
/** A phone number (the learned score also reads it as a word: src/classify/outcome-model.ts). */
export const PHONE = /(?:\+|00)?\d[\d\s-]{7,}\d/;
const QUESTION = /[?؟]/;
// A price: an amount of money (49 SAR, ٦٠ ريال → 60 ريال after normalising, $20).
const PRICE = /\d+\s*(?:ريال|ر\.س|sar\b|sr\b|usd\b|دولار|\$)|\$\s*\d+/i;

export function detectOutcome(inp: OutcomeInput, r: OutcomeRules): OutcomeResult {
  const problemRule = inp.matched.find((m) => !NOT_A_PROBLEM.has(m.category));
  const modelProblem = inp.source === 'model' && !NOT_A_PROBLEM.has(inp.category) ? inp.category : undefined;
  const insult = inp.insults.length > 0 ? { insult: true } : {};
  const insulted = inp.insults.length ? `; insults (${inp.insults.join(' ')}) flagged for staff` : '';

  // Sarcasm: praise words or a praise decision, over a complaint signal.
  const praising = inp.category === 'praise' || !!anyOccurs(r.sarcasm.praise, inp.fullWords);
  const signal = complaintSignal(inp, r);
  // A problem named with a fix ("thanks for fixing the pothole") is real thanks.
  const fixed = !!anyOccurs(r.sarcasm.resolved, inp.fullWords);
  if (praising && inp.category === 'praise' && (signal || (problemRule && !fixed))) {
    const why = signal ?? `rule ${problemRule!.id}`;
    return {
      outcome: 'complaint',
      sarcasm: true,
      ...insult,
      recategorised: recategorise(inp, problemRule),
      reason: `sarcasm: praise words over a complaint signal (${why}); never thanked${insulted}`,
    };
  }
  if (inp.urgent) return { outcome: 'complaint', ...insult, reason: `urgent${insulted}` };
  // Thanks for a fix that names the topic fixed ("thanks for cleaning the park"): a topic rule
  // won, but with thanks, a fix and no complaint signal at all it is praise.
  const praiseRule = inp.matched.find((m) => m.category === 'praise');
  if (praiseRule && problemRule && inp.category !== 'praise' && praising && fixed && !signal)
    return {
      outcome: 'praise',
      ...insult,
      recategorised: { category: 'praise', source: 'rule', rule: praiseRule.id, confidence: 1 },
      reason: `thanks for a fix (rule ${praiseRule.id} over ${problemRule.id}), no complaint signal`,
    };

  // Spam's phrase evidence: a strong phrase, or weaker signs (decided below, after referrals).
  const strong = anyOccurs(r.spam.phrases, inp.fullWords);
  // In this order: contact word, offer word, offer pattern, phone number, link.
  const signs = [
    anyOccurs(r.spam.contact, inp.fullWords)?.source,
    anyOccurs(r.spam.offers, inp.fullWords)?.source,
    r.spam.regex.find((x) => x.test(inp.normalized)) ? 'pattern' : undefined,
    PHONE.test(inp.normalized.replace(LINK, ' ')) ? 'phone number' : undefined,
    LINK.test(inp.normalized) ? 'link' : undefined,
  ];
  const weak = signs.filter((x): x is string => !!x);
  // Any agency keyword at all (the referral itself is decided below, by findAgency).
  const agencyWord = r.agencies.some((a) => anyOccurs(a.keywords, inp.words));

  // The learned score, for wording no list has (src/classify/outcome-model.ts): high, with no
  // complaint in the tweet (no problem rule with a complaint sign, nothing asked, not urgent),
  // leaning to spam, and the tweet sells or gives a contact. Where a topic rule, the model or
  // an agency keyword saw something (a pest-control ad, a courier's ad) it must do both, with
  // no complaint sign at all: a resident citing a phone number or a photo link gives a contact
  // but sells nothing, and one quoting a fine's amount asks how to contest it.
  const learned = notARequest(inp, r);
  if (
    learned &&
    learned.spam >= learned.chatter &&
    !((problemRule || modelProblem || agencyWord) && signal)
  ) {
    const offer = [
      strong?.source,
      signs[1],
      signs[2],
      PRICE.test(inp.normalized) ? 'a price' : undefined,
    ].filter((x): x is string => !!x);
    const contact = [signs[0], signs[3], signs[4]].filter((x): x is string => !!x);
    // An agency keyword alone (a courier's "shipment", "STC pay") asks less when the score is
    // all but certain.
    const named = !!(problemRule || modelProblem || (agencyWord && learned.spam < SURE));
    if (named ? offer.length > 0 && contact.length > 0 : offer.length + contact.length > 0)
      return {
        outcome: 'spam',
        reason: `spam: learned score ${learned.p.toFixed(2)} ≥ ${learned.at} (outcome-training), ${[...offer, ...contact].join(', ')}, no complaint sign; no ticket, no reply (staff can restore it)`,
      };
  }

  // Another agency's matter, with nothing municipal in it (src/outcome/agencies.ts).
  const problems = inp.matched.filter((m) => !NOT_A_PROBLEM.has(m.category)).map((m) => m.category);
  const other = findAgency(inp.words, r.agencies, r.agencyContext, problems);
  if (other) {
    return {
      outcome: 'referral',
      agency: other.agency.id,
      ...insult,
      reason: `another agency's matter: ${other.agency.names.en} ('${other.keyword}')`,
    };
  }

  // Spam: a strong phrase, or two weaker signs — and no municipal problem unless a strong one.
  const spam = problemRule || modelProblem ? strong && weak.length >= 1 : strong || weak.length >= 2;
  if (spam && !(problemRule && signal)) {
    const why = [strong?.source, ...weak].filter(Boolean).join(', ');
    return { outcome: 'spam', reason: `spam: ${why}; no ticket, no reply (staff can restore it)` };
  }

  const content = contentWords(inp.words);
  // Insults only: nothing left once the insults are cut, or nothing a complaint would have.
  // Or nothing but insults and whom they are said to ("موظفينكم بهايم"), whatever a rule or
  // the model makes of the words "staff" or "municipality" (src/outcome/insults.ts).
  if (inp.insults.length && onlyInsults(inp.fullWords, r.abuse))
    return {
      outcome: 'abuse',
      insult: true,
      reason: `insults only (${inp.insults.join(' ')}): no topic, no ticket`,
    };
  // The model leaning to a problem, even below the threshold, keeps what is left a ticket
  // ("you idiots, the bins are full again"): when unsure, a ticket.
  const top = inp.model[0];
  const modelLeans = !!top && !NOT_A_PROBLEM.has(top.category) && top.p >= inp.threshold / 2;
  if (
    inp.insults.length &&
    !problemRule &&
    !modelProblem &&
    !modelLeans &&
    !asks(inp.fullWords) &&
    inp.category !== 'inquiry' &&
    (content <= 3 || inp.source === 'fallback') &&
    !signalBesidesInsult(inp, r)
  ) {
    return {
      outcome: 'abuse',
      insult: true,
      reason: `insults only (${inp.insults.join(' ')}): no topic, no ticket`,
    };
  }

  // Chatter: greetings, wishes, small talk, or no words at all — and no sign of a request.
  if (!problemRule && !modelProblem && inp.category !== 'inquiry' && inp.category !== 'praise' && !signal) {
    if (content === 0) return { outcome: 'chatter', reason: 'no words, nothing asked: no ticket, no reply' };
    const covered = coveredBy(r.chatter.phrases, inp.words);
    const left = contentWords(inp.words, covered.at);
    // Little besides the greeting itself ("رمضان مبارك عليكم وعلى أهل المدينة"); or a little
    // more (news, an opinion, a wish) when even the model's best guess is not a problem to fix
    // and nothing is asked for.
    const modelTop = inp.model[0]?.category;
    const modelNoProblem = !modelTop || NOT_A_PROBLEM.has(modelTop);
    if (
      covered.phrases.length &&
      (left <= 3 || (left <= CHATTER_MORE_WORDS && modelNoProblem && !asks(inp.fullWords)))
    )
      return {
        outcome: 'chatter',
        reason: `chatter ('${covered.phrases.join("', '")}'), nothing asked: no ticket, no reply`,
      };
  }
  // The negation inside a chatter phrase is no complaint sign either (لا إله إلا الله).
  const chatterSignal = complaintSignal(inp, {
    ...r,
    sarcasm: { ...r.sarcasm, praise: [...r.sarcasm.praise, ...r.chatter.phrases] },
  });
  const chatter = learnedChatter(inp, r, {
    problemRule: !!problemRule,
    modelProblem: !!modelProblem,
    signal: chatterSignal,
  });
  if (chatter) return chatter;

  if (inp.category === 'praise') return { outcome: 'praise', ...insult, reason: 'praise' };
  if (inp.category === 'inquiry') return { outcome: 'inquiry', ...insult, reason: `inquiry${insulted}` };
  return { outcome: 'complaint', ...insult, reason: `complaint${insulted}` };
}

/** The learned score when it says "not a request" (P(spam) + P(chatter) at or above
 *  outcomes.yml learned.threshold) and nothing urgent or asked for; else undefined. */
function notARequest(
  inp: OutcomeInput,
  r: OutcomeRules,
): { p: number; at: number; spam: number; chatter: number } | undefined {
  const at = r.learned?.threshold ?? DEFAULT_MODEL_THRESHOLD;
  const { spam, chatter } = inp.learned ?? { spam: 0, chatter: 0 };
  const p = spam + chatter;
  if (at >= 1 || p < at || inp.urgent || asks(inp.fullWords)) return undefined;
  return { p, at, spam, chatter };
}

/** Chatter by the learned score, for small talk no phrase lists (a prayer, a football chant,
 *  the weather, a joke, a reply to someone else): no topic rule or confident problem model, no
 *  complaint sign (a question alone is not one here: "who won last night?"), not an inquiry,
 *  not thanks. */
function learnedChatter(
  inp: OutcomeInput,
  r: OutcomeRules,
  seen: { problemRule: boolean; modelProblem: boolean; signal: string | undefined },
): OutcomeResult | undefined {
  const learned = notARequest(inp, r);
  if (!learned || seen.problemRule || seen.modelProblem) return undefined;
  if (seen.signal && seen.signal !== 'a question') return undefined;
  // A question is small talk only when it asks the crowd ("who won last night?", "أحد يعرف…؟",
  // "وش رأيكم؟") and even the unsure model reads no inquiry; "Can I pay by card?" asks us.
  if (seen.signal && (!CROWD.test(inp.normalized) || inp.model[0]?.category === 'inquiry')) return undefined;
  // English negations the tokenizer splits (can't → can t); thanks to us stay thanks.
  if (EN_NEGATION.test(inp.normalized) || TROUBLE.test(inp.normalized)) return undefined;
  if (anyOccurs(r.sarcasm.praise, inp.fullWords) && anyOccurs(r.abuse.targets, inp.fullWords))
    return undefined;
  // A distress emoji is a resident in trouble.
  if (inp.category === 'inquiry' || inp.category === 'praise' || DISTRESS.test(inp.normalized))
    return undefined;
  return {
    outcome: 'chatter',
    reason: `chatter: learned score ${learned.p.toFixed(2)} ≥ ${learned.at} (outcome-training), nothing asked, no complaint sign: no ticket, no reply`,
  };
}

/** A sign the tweet reports a problem, besides a category rule: a listed word, a pattern (a
 *  duration), a negative emoji, a negation or a question. Undefined when none. */
function complaintSignal(inp: OutcomeInput, r: OutcomeRules): string | undefined {
  const ironic = anyOccurs(r.sarcasm.ironic, inp.fullWords);
  if (ironic) return `'${ironic.source}'`;
  const word = anyOccurs(r.sarcasm.signals, inp.fullWords);
  if (word) return `'${word.source}'`;
  const re = r.sarcasm.regex.find((x) => x.test(inp.normalized));
  if (re) return `/${re.source}/`;
  const emoji = r.sarcasm.emoji.find((e) => inp.normalized.includes(e));
  if (emoji) return emoji;
  // Applause (👏) is sarcasm over a problem, and applause for thanks alone or for a fix.
  const clap = r.sarcasm.applause.find((e) => inp.normalized.includes(e));
  if (clap && !anyOccurs(r.sarcasm.resolved, inp.fullWords) && overProblem(inp)) return clap;
  // Not the negation inside a thanks idiom: "ما قصرتوا" ("you did not fall short") is thanks.
  const idiom = coveredBy(r.sarcasm.praise, inp.fullWords).at;
  const neg = inp.fullWords.tokens.find((t, i) => NEGATION.has(t) && !idiom.has(i));
  if (neg) return `'${neg}'`;
  if (QUESTION.test(inp.normalized)) return 'a question';
  return undefined;
}

function signalBesidesInsult(inp: OutcomeInput, r: OutcomeRules): boolean {
  return !!(
    anyOccurs(r.sarcasm.signals, inp.words) ||
    r.sarcasm.regex.some((x) => x.test(inp.normalized)) ||
    QUESTION.test(inp.normalized)
  );
}

const contentWords = (t: PhraseText, skip: ReadonlySet<number> = new Set()) =>
  t.tokens.filter((w, i) => !skip.has(i) && !isStopWord(w) && !/^\d+$/.test(w)).length;

/** The words of the text that none of the phrases cover (e.g. the tweet without its thanks). */
export function withoutPhrases(ps: readonly Phrase[], t: PhraseText): string {
  const { at } = coveredBy(ps, t);
  return t.tokens.filter((_, i) => !at.has(i)).join(' ');
}

/** Every occurrence of the phrases: which matched, and the token positions they cover. */
function coveredBy(ps: readonly Phrase[], t: PhraseText): { phrases: string[]; at: Set<number> } {
  const at = new Set<number>();
  const phrases: string[] = [];
  for (const p of ps) {
    const n = p.words.length;
    for (let i = 0; i + n <= t.keys.length; i++) {
      const slice = { tokens: t.tokens.slice(i, i + n), keys: t.keys.slice(i, i + n) };
      if (!phraseOccurs(p, slice)) continue;
      if (!phrases.includes(p.source)) phrases.push(p.source);
      for (let k = i; k < i + n; k++) at.add(k);
    }
  }
  return { phrases, at };
}

/** Is there a problem under the praise: a problem rule, or the model's topic without it? */
function overProblem(inp: OutcomeInput): boolean {
  return inp.matched.some((m) => !NOT_A_PROBLEM.has(m.category)) || !!modelTopic(inp);
}

/** The model's best problem category once praise is set aside, when it holds most of the rest. */
function modelTopic(inp: OutcomeInput): { category: string; confidence: number } | undefined {
  const model = inp.modelWithoutPraise ?? inp.model;
  const rest = model.filter((m) => m.category !== 'praise');
  const mass = 1 - (model.find((m) => m.category === 'praise')?.p ?? 0);
  const best = rest.find((m) => !NOT_A_PROBLEM.has(m.category));
  return best && mass > 0 && best.p / mass >= 0.5
    ? { category: best.category, confidence: best.p / mass }
    : undefined;
}

function recategorise(
  inp: OutcomeInput,
  problemRule: { id: string; category: string } | undefined,
): NonNullable<OutcomeResult['recategorised']> {
  if (problemRule)
    return { category: problemRule.category, source: 'rule', rule: problemRule.id, confidence: 1 };
  // The model's praise was the sarcasm: its best problem category, judged among the rest
  // (renormalised without praise), when it holds most of that; else a person triages.
  // Asked of the text without its praise words when we have it: "thanks for the lovely lake"
  // is judged on "the lake", not on the thanks that made the model say praise.
  const topic = modelTopic(inp);
  if (topic) return { category: topic.category, source: 'model', confidence: topic.confidence };
  return { category: 'other', source: 'fallback', confidence: 0 };
}
