// JSON Schema of rules/escalation.yml: what goes to a human, how fast, and what the bot may
// close by itself.
import { DRAFT, type JsonSchema } from './common';
const priority = {
  type: 'integer',
  minimum: 1,
  maximum: 4,
  description: '1 = urgent, 2 = high, 3 = normal, 4 = low. Lower is handled first.',
};

const termList = (lang: string) => ({
  type: 'array',
  description: `Extra urgent words or phrases in ${lang} (matched after normalisation, whole words).`,
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
});

export const escalationSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'escalation.schema.json',
  title: 'Mujib escalation policy (escalation.yml)',
  description:
    'Every complaint the bot cannot close becomes an open ticket in the staff queue. This file says which tickets are also escalated (flagged for supervisors at once), their priority, and what the bot closes by itself.',
  type: 'object',
  additionalProperties: false,
  required: ['priorities'],
  properties: {
    alwaysEscalate: {
      type: 'array',
      description: 'Category ids whose tickets are always escalated to supervisors (e.g. staff_conduct).',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
    },
    urgentTerms: {
      type: 'object',
      description:
        "Urgent terms added to the category rules' own: a tweet containing one is urgent (priority 1, escalated at once) whatever its category.",
      additionalProperties: false,
      properties: { ar: termList('Arabic'), en: termList('English') },
    },
    triage: {
      type: 'object',
      description: 'When the classification is too unsure to trust.',
      additionalProperties: false,
      properties: {
        minConfidence: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.55,
          description:
            'Model confidence (0-1) under which a human must triage: the citizen gets a generic acknowledgement and the ticket is escalated.',
        },
      },
    },
    repeat: {
      type: 'object',
      description: 'Citizens who keep reporting: their tickets are escalated and raised in priority.',
      additionalProperties: false,
      properties: {
        tickets: {
          type: 'integer',
          minimum: 2,
          default: 3,
          description: 'Number of tickets (counting the new one) within `withinDays` that escalates.',
        },
        withinDays: { type: 'number', exclusiveMinimum: 0, default: 7, description: 'The window, in days.' },
        raisePriorityBy: {
          type: 'integer',
          minimum: 0,
          maximum: 3,
          default: 1,
          description: 'Priority steps to raise (never above 1 = urgent).',
        },
        attachWithinHours: {
          type: 'number',
          minimum: 0,
          default: 72,
          description:
            'The same citizen repeating the same category within this many hours is attached to their open ticket as a follow-up instead of opening a new one (0 = never).',
        },
      },
    },
    autoResolve: {
      type: 'object',
      description: 'What the bot closes by itself (the ticket is recorded as resolved by the bot).',
      additionalProperties: false,
      properties: {
        praise: { type: 'boolean', default: true, description: 'Thank and close praise.' },
        answeredInquiries: {
          type: 'boolean',
          default: true,
          description: 'Close an inquiry the bot answered from the templates (hours, documents, locations).',
        },
        otherWithoutTriage: {
          type: 'boolean',
          default: true,
          description: "Ignore (no reply) tweets confidently classified as 'other' (spam, off-topic).",
        },
      },
    },
    priorities: {
      type: 'object',
      description: 'Priority of new tickets.',
      additionalProperties: false,
      required: ['default'],
      properties: {
        default: { ...priority, description: `For categories not listed. ${priority.description}` },
        categories: {
          type: 'object',
          description: 'Priority per category id.',
          additionalProperties: priority,
        },
      },
    },
  },
};
