// rules/agencies.yml: other agencies' matters. A tweet that is only another agency's matter
// gets a courteous referral (their name and contact line) and no municipal ticket.
import { DRAFT, ruleId, type JsonSchema } from './common';

const bilingual = (what: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['ar', 'en'],
  description: `${what}, in Arabic (ar) and English (en).`,
  properties: {
    ar: { type: 'string', minLength: 1, description: `${what} in Arabic.` },
    en: { type: 'string', minLength: 1, description: `${what} in English.` },
  },
});

export const agenciesSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'agencies.schema.json',
  title: 'Mujib other agencies (agencies.yml)',
  description:
    "Other agencies and their keywords. A tweet that matches an agency's keywords and no municipal category rule gets the referral reply (no ticket; counted and listed for staff). A tweet that is both (a water main leak flooding a street) stays a municipal ticket. Replies name the agency and its contact line, never its X handle nor a link: the standards allow no third party's handle in words to citizens (a handle can change hands or be impersonated), so `handle` is for staff only.",
  type: 'object',
  additionalProperties: false,
  required: ['referral', 'agencies'],
  properties: {
    referral: bilingual(
      'The referral reply. Variables: {{name}}, {{agency}} (the other agency), {{contact}} (its contact line), {{ref}} (a short reference that keeps each reply unique)',
    ),
    places: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description:
        'Locators (جنب, عند, next to): an agency keyword right after one (or one word after) is only a place, "the pothole next to the hospital", and names no agency.',
    },
    municipal: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description:
        'Municipal hazards (fallen, flooding, a pit, sewage): a tweet naming one stays a municipal ticket whatever agency it also names.',
    },
    ours: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description:
        'Words naming this agency itself (البلدية, الأمانة, the municipality): a complaint about how someone served that names us is ours.',
    },
    conduct: {
      type: 'array',
      items: ruleId,
      uniqueItems: true,
      description:
        'Categories about how someone served (no answer, slow, rude), e.g. staff_conduct: when their rule matches and the tweet names another agency but not us ("شركة الكهرباء ما يردون"), the referral wins.',
    },
    agencies: {
      type: 'array',
      minItems: 1,
      description: 'Each outside agency, tried in order (the first that matches is named).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'names', 'contact', 'keywords'],
        properties: {
          id: ruleId,
          names: bilingual('The agency name as citizens know it'),
          handle: {
            type: 'string',
            pattern: '^@?[A-Za-z0-9_]{1,15}$',
            description: "The agency's X account, for staff (never written in replies).",
          },
          contact: bilingual('How to reach them, e.g. a phone number or app name (no link)'),
          keywords: {
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Words or phrases of their matters, matched like rules in categories.yml.',
          },
        },
      },
    },
  },
};
