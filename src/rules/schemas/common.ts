// Pieces shared by several rule-file schemas. Plain JSON Schema (draft-07) objects: ajv
// validates with them, `npm run gen:schema` writes them out for editors, and the reference
// in docs/rules.md is generated from their `description`s — so write those for staff.

export type JsonSchema = Record<string, unknown>;

export const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** Keys of a reply text in a language besides ar and en (issue 13): an ISO 639 code, e.g. ur. */
export const OTHER_LANG_KEY = '^(?!ar$|en$)[a-z]{2,3}$';

/** A category id as rules, training files and tests refer to it. */
export const categoryId: JsonSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]*$',
  patternErrorMessage: 'use lowercase English letters, digits and _ (like water_sewage)',
  description: 'A category id from categories.yml, such as `roads` or `water_sewage`.',
};

/** Ids of rules and urgent signals: shown in every decision's "why". */
export const ruleId: JsonSchema = {
  type: 'string',
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  patternErrorMessage: 'use lowercase English letters, digits, - and _ (like roads-potholes)',
  description:
    'A short unique id (lowercase English, digits, `-`, `_`). Shown as the reason of every decision this rule makes, so make it say what it catches, e.g. `roads-potholes`.',
};

const phrase: JsonSchema = {
  type: 'string',
  minLength: 1,
  description: 'A word or phrase.',
};

const phraseList = (description: string): JsonSchema => ({
  type: 'array',
  items: phrase,
  uniqueItems: true,
  description,
});

/** The matching conditions of a rule; every condition given must hold. */
export const conditionProperties: Record<string, JsonSchema> = {
  any: phraseList(
    'Matches when the tweet contains at least one of these words or phrases. Write one spelling: matching ignores diacritics, hamza forms (أ إ آ → ا), ة/ه, ى/ي, letter stretching, and the prefixes and suffixes the stemmer removes (ال، وال، بال، ات، ين …). A phrase of several words matches those words next to each other. End a word with `*` to match every word that starts with it (`حفري*` matches حفريات and حفرياتهم).',
  ),
  all: {
    type: 'array',
    items: {
      type: ['string', 'array'],
      minLength: 1,
      items: phrase,
      minItems: 1,
    },
    description:
      'Matches only when the tweet contains every item. An item may itself be a list of alternatives: `[[عمود, اعمده], [طايح, ساقط]]` means (عمود or اعمده) and (طايح or ساقط).',
  },
  none: phraseList(
    'Never matches when the tweet contains any of these (to keep a rule from catching the wrong tweets).',
  ),
  regex: {
    type: 'array',
    items: { type: 'string', minLength: 1, description: 'An RE2 regular expression.' },
    uniqueItems: true,
    description:
      'Regular expressions (RE2 syntax: no look-around or back-references, always fast), matched case-insensitively against the normalised tweet (no diacritics, أ/إ/آ written ا, ة written ه, ى written ي, digits 0-9). At least one must match. `\\b` only sees English letters; around Arabic words use spaces or `(^|\\s)`.',
  },
  enabled: {
    type: 'boolean',
    default: true,
    description: 'Set to `false` to switch the rule off without deleting it.',
  },
};

export const names: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ar', 'en'],
  description: 'What people call it, in Arabic and English (shown to staff and usable in reply templates).',
  properties: {
    ar: { type: 'string', minLength: 1, description: 'Arabic name.' },
    en: { type: 'string', minLength: 1, description: 'English name.' },
  },
  patternProperties: {
    [OTHER_LANG_KEY]: {
      type: 'string',
      minLength: 1,
      description: 'The name in the language of its key (e.g. ur), for replies in it.',
    },
  },
};
