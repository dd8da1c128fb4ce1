// JSON Schema of rules/escalation.yml: what goes to a human, how fast, and what the bot may
// close by itself.
import { DRAFT, type JsonSchema } from './common';
import { urgencyProperties } from './routes';
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
            'The same citizen repeating the same problem (same category, and text about the same thing: see `sameProblem`) within this many hours is attached to their open ticket as a follow-up, with a short reply naming that ticket, instead of opening a new one (0 = never).',
        },
        sameProblem: {
          type: 'object',
          description:
            "When a tweet of the same category is the SAME problem: a weighted overlap (cosine) of the two tweets' normalised, stemmed words, where place names (the words after حي، شارع، طريق، street, road…) weigh more. Tweets that name different places, or share nothing but the place, are different problems and get their own ticket. An urgent tweet is never swallowed: it escalates the matched ticket or opens its own.",
          additionalProperties: false,
          properties: {
            minSimilarity: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              default: 0.35,
              description:
                'Similarity (0-1) at or above which the tweet is a repeat of the open ticket. Higher: fewer attachments, more separate tickets.',
            },
            placeWeight: {
              type: 'number',
              minimum: 1,
              maximum: 10,
              default: 2,
              description: 'How many times more a shared place name counts than a shared ordinary word.',
            },
          },
        },
      },
    },
    followUps: {
      type: 'object',
      description:
        'Replies in a ticket\'s thread: status requests ("any update?"), "still not fixed" on a resolved ticket (reopened), thanks (no reply), new details. Their phrases are in followups.yml.',
      additionalProperties: false,
      properties: {
        statusReplyEveryHours: {
          type: 'number',
          minimum: 0,
          default: 12,
          description:
            'At most one status reply (or new-details acknowledgement) per ticket within this many hours, so a chatty thread never loops. 0 = no status replies at all.',
        },
        acknowledgeNewInfo: {
          type: 'boolean',
          default: true,
          description:
            "New details in an open ticket's thread get a short acknowledgement with the due time (within the same once-per-window limit as status replies).",
        },
      },
    },
    ...urgencyProperties,
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
