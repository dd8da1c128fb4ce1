// rules/outcomes.yml: mentions that are not complaints (spam, chatter, insults) and sarcasm
// that is one. Each list is words or phrases, matched like rules in categories.yml.
import { DRAFT, type JsonSchema } from './common';

const phrases = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description,
});
const regexes = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string', minLength: 1, description: 'An RE2 regular expression.' },
  description,
});
const bilingual = (what: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['ar', 'en'],
  description: `${what}, in Arabic (ar) and English (en). No links, no @handles.`,
  properties: {
    ar: { type: 'string', minLength: 1, description: `${what} in Arabic.` },
    en: { type: 'string', minLength: 1, description: `${what} in English.` },
  },
});

export const outcomesSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'outcomes.schema.json',
  title: 'Mujib outcomes other than a complaint (outcomes.yml)',
  description:
    'Evidence that a mention is not a complaint: spam (no ticket, no reply, listed for staff to restore), chatter (greetings, news, opinions: no ticket, no reply), insults (never a topic; an insult-only tweet gets no ticket), and sarcasm (praise words over a complaint: a complaint, never thanked). Every outcome needs positive evidence from these lists; when unsure the tweet stays a complaint, because a missed complaint is worse than an extra ticket. Urgent tweets are always complaints.',
  type: 'object',
  additionalProperties: false,
  properties: {
    spam: {
      type: 'object',
      additionalProperties: false,
      description:
        'Ads, follower selling, loans, homework services, scams. A tweet is spam with a strong phrase, or with two weaker signs (a contact word, an offer word, a phone number, a link), or with a high learned score (see `learned`) and a sign of selling or contact — and no complaint in it.',
      properties: {
        phrases: phrases(
          'Strong signs, each enough on its own (e.g. زيادة متابعين, سداد قروض, buy followers).',
        ),
        contact: phrases('Weaker signs: asking to be contacted (واتساب, راسلنا, DM us).'),
        offers: phrases('Weaker signs: selling (خصم, عروض, للبيع, discount).'),
        regex: regexes('Weaker signs as patterns on the normalised text (e.g. a percentage of profit).'),
      },
    },
    chatter: {
      type: 'object',
      additionalProperties: false,
      description:
        'Mentions with no request: greetings, wishes, news, opinions. Chatter needs one of these phrases (or no words at all), or a high learned score (see `learned`), and nothing a complaint or request would have.',
      properties: {
        phrases: phrases('Greetings, wishes and small talk (صباح الخير, جمعة مباركة, good morning).'),
      },
    },
    learned: {
      type: 'object',
      additionalProperties: false,
      description:
        'The learned score that a mention is not a request to the agency, trained on outcome-training/spam.yml and chatter.yml against every example in training/*.yml. At or above the threshold, a mention becomes spam (the score leans to spam and the tweet sells or gives a contact) or chatter (no topic rule, nothing asked, no complaint sign) — never when a topic rule and a complaint sign are both there, nor when it is urgent.',
      properties: {
        threshold: {
          type: 'number',
          minimum: 0.5,
          maximum: 1,
          default: 0.9,
          description:
            "P(spam) + P(chatter) at or above which the learned score counts. Calibrated by cross-validation on the examples (never the dev set): `npm run bench:classify` prints the lowest threshold that takes the ticket from at most 0.5% of the residents' examples. 1 turns the learned score off.",
        },
      },
    },
    abuse: {
      type: 'object',
      additionalProperties: false,
      description:
        'Insults are never topics: calling staff "dogs" is not a pest report, calling the service "garbage" is not a cleaning one. An insult word counts as an insult only when addressed (يا, انتم, you) or said of us (الموظفين, خدمتكم, staff, service).',
      properties: {
        insults: phrases(
          'Insulting words that are never a municipal topic (فاشلين, اغبياء, idiots), counted when addressed or said of us.',
        ),
        topical: phrases(
          'Insulting words that are also topics when literal (كلاب, زبالة, dogs, trash): counted when addressed or said of us, and never next to a literal cue.',
        ),
        address: phrases('Words that address someone (يا, انتم, you, you are).'),
        targets: phrases('Words naming the agency, its staff or its service.'),
        curses: phrases(
          'Insults wherever they stand, addressed or not: curses and obscenity (الله ياخذكم, حسبي الله عليكم, screw you). Never a municipal topic.',
        ),
        literal: phrases(
          'Literal cues: a topical word within two words of one is the thing itself, never an insult (ضالة in كلاب ضالة, حاوية, متكدسة, stray, truck, bins).',
        ),
        reply: bilingual(
          'Optional courteous neutral reply to an insult-only tweet (no ticket). Without it, insult-only tweets get no reply',
        ),
      },
    },
    sarcasm: {
      type: 'object',
      additionalProperties: false,
      description:
        'Praise words over a complaint signal are a complaint: never thanked, never closed by the bot.',
      properties: {
        praise: phrases('Praise words (شكرا, ابدعتم, well done, thanks).'),
        signals: phrases('Complaint signals besides the category rules (صمد, بحيره, lasted, whole week).'),
        resolved: phrases(
          'Words of a fix (اصلاح, تنظيف, fixing): "thanks for fixing the pothole" names the problem and is real thanks, unless another signal says otherwise.',
        ),
        ironic: phrases(
          'Phrases that are sarcasm by themselves, a complaint signal wherever they stand (thanks for nothing, يا سلام على).',
        ),
        emoji: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Emoji that turn praise into sarcasm (🙄 😒 😂).',
        },
        applause: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            'Applause emoji (👏): sarcasm over a problem (a problem rule, or the topic the model sees without the praise) when no fix is named; over thanks alone or a fix they are applause.',
        },
        regex: regexes('Complaint signals as patterns, e.g. a duration (صار له شهر, for two weeks).'),
      },
    },
  },
};
