// rules/templates.yml: every reply the bot sends, per category and language.
import { DRAFT, OTHER_LANG_KEY, type JsonSchema } from './common';
import { followUpTemplatesSchema } from './follow-up-templates';

const VARS =
  'Variables: {{name}} (the citizen\'s display name, "@" removed), {{ticket}} (the reference, e.g. AM-2611-0042; required in every reply, it also keeps each reply unique as X demands), {{category}} (the category name from categories.yml), {{due}} (the SLA deadline, e.g. "الأحد 29 نوفمبر، الساعة 2:30 مساءً"), {{agency}} (the agency name from agency.yml), {{crisisLine}} (the crisis line of escalation.yml routes.crisis.selfHarm). Never @-mention anyone: the reply is threaded under the citizen\'s tweet.';

const text = (lang: string, what: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  description: `${what} in ${lang}. Its longest possible rendering (longest name, ticket and date) must fit X's 280 weighted characters.`,
});

const bilingual = (what: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['ar', 'en'],
  description: `${what}, in Arabic (ar) and English (en) (and any other language by its code, e.g. ur; see agency.yml replyLanguages). ${VARS}`,
  properties: { ar: text('Arabic', what), en: text('English', what) },
  patternProperties: { [OTHER_LANG_KEY]: text('the language of its key', what) },
});

const keywords = (lang: string): JsonSchema => ({
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { type: 'string', minLength: 1 },
  description: `${lang} words or phrases that select this answer (matched after normalisation, ignoring ال and other light prefixes/suffixes).`,
});

export const templatesSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'templates.schema.json',
  title: 'Mujib reply templates',
  description: `The replies the bot posts. Write courteous, gender-neutral Arabic (address people in the plural: «شكرًا لتواصلكم», «بلاغكم»). ${VARS}`,
  type: 'object',
  additionalProperties: false,
  required: ['urgent', 'resolved', 'categories'],
  properties: {
    urgent: bilingual(
      'Acknowledgement of an urgent report (danger to life or health), whatever its category',
    ),
    resolved: bilingual('Sent when staff resolve a ticket with `mujib queue resolve ID --reply`'),
    integrity: bilingual(
      'Acknowledgement of a bribery or corruption report (escalation.yml routes.integrity): never the emergency reply',
    ),
    crisis: {
      type: 'object',
      additionalProperties: false,
      description:
        'Replies to threats and self-harm (escalation.yml routes.crisis). No {{due}}: these are not errands.',
      properties: {
        selfHarm: bilingual(
          'A caring reply to someone who may hurt themselves; give the crisis line with {{crisisLine}} (escalation.yml routes.crisis.selfHarm.crisisLine)',
        ),
        threat: bilingual(
          'A neutral reply to a threat of violence: no apology, no promise (or none at all: escalation.yml routes.crisis.threat.reply)',
        ),
      },
    },
    followUps: followUpTemplatesSchema,
    categories: {
      type: 'object',
      description: 'Templates per category id; every category of categories.yml needs one.',
      additionalProperties: { $ref: '#/definitions/category' },
    },
  },
  definitions: {
    category: {
      type: 'object',
      additionalProperties: false,
      required: ['ack'],
      description: 'The replies of one category.',
      properties: {
        ack: bilingual('Acknowledgement during working hours'),
        afterHours: bilingual(
          'Acknowledgement outside working hours (weekends, nights, holidays); when absent, `ack` is used',
        ),
        answers: {
          type: 'object',
          description:
            'Questions the bot answers by itself (inquiry): the first answer whose keywords appear in the tweet is sent, and the ticket is closed.',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['keywords', 'text'],
            description: 'One answer.',
            properties: {
              keywords: {
                type: 'object',
                additionalProperties: false,
                required: ['ar', 'en'],
                description: 'What the question must contain, per language.',
                properties: { ar: keywords('Arabic'), en: keywords('English') },
                patternProperties: { [OTHER_LANG_KEY]: keywords('The language of its key:') },
              },
              text: bilingual('The answer'),
            },
          },
        },
      },
    },
  },
};
