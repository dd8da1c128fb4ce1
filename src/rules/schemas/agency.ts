// JSON Schema of rules/agency.yml: who the agency is, when it works, and its SLAs.
import { DRAFT, OTHER_LANG_KEY, type JsonSchema } from './common';
import { DEFAULT_TIME_ZONE } from '../../sla/zone';

const day = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const hoursRange = '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$';

const dateString = {
  type: 'string',
  pattern: day,
  patternErrorMessage: 'write a date as YYYY-MM-DD, e.g. 2026-09-23',
};

const hoursList = {
  type: 'array',
  description:
    'Working periods of the day as "HH:MM-HH:MM" in the agency time zone, e.g. ["07:30-14:30"]. An empty list means a day off.',
  items: {
    type: 'string',
    pattern: hoursRange,
    patternErrorMessage: 'write working hours as "HH:MM-HH:MM" (24-hour clock), e.g. "07:30-14:30"',
  },
};

const bilingual = (what: string) => ({
  type: 'object',
  description: `${what}, in Arabic (ar) and English (en).`,
  additionalProperties: false,
  required: ['ar', 'en'],
  properties: {
    ar: { type: 'string', minLength: 1, description: `${what} in Arabic.` },
    en: { type: 'string', minLength: 1, description: `${what} in English.` },
  },
  patternProperties: {
    [OTHER_LANG_KEY]: { type: 'string', minLength: 1, description: `${what} in the language of its key.` },
  },
});

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const agencySchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'agency.schema.json',
  title: 'Mujib agency settings (agency.yml)',
  description:
    'Who the agency is on X, its working week and holidays (for SLA deadlines and after-hours replies), and how long each category may take.',
  type: 'object',
  additionalProperties: false,
  required: ['handle', 'displayName', 'workingHours', 'sla'],
  properties: {
    handle: {
      type: 'string',
      pattern: '^@?[A-Za-z0-9_]{1,15}$',
      patternErrorMessage: 'an X handle is 1-15 letters, digits or _ (the @ is optional)',
      description: "The agency's own X account; its own tweets are never answered.",
    },
    displayName: bilingual('The agency name used in replies ({{agency}})'),
    timeZone: {
      type: 'string',
      default: DEFAULT_TIME_ZONE,
      description: `IANA time zone of working hours, holidays and due dates. Default ${DEFAULT_TIME_ZONE}.`,
    },
    defaultLanguage: {
      type: 'string',
      enum: ['ar', 'en'],
      default: 'ar',
      description: 'Reply language for tweets that are neither Arabic nor English.',
    },
    replyLanguages: {
      type: 'object',
      description:
        "Which reply language answers each detected language: ar Arabic, arabizi (Arabic in Latin letters), en English, ur Urdu (either script), fa Persian, ps Pashto, hi Hindi, bn Bengali, tl Tagalog. A value is ar, en, or a language the templates are written in (its code is a key of the urgent template and of every category's ack in templates.yml). Default: a detected language the templates are written in answers in it; otherwise arabizi → ar and ur, fa, ps, hi, bn, tl → en. Any other language gets defaultLanguage.",
      propertyNames: { pattern: '^[a-z]{2,8}$' },
      additionalProperties: {
        type: 'string',
        pattern: '^[a-z]{2,3}$',
        patternErrorMessage: 'a language code: ar, en, or one the templates are written in (e.g. ur)',
      },
    },
    workingHours: {
      type: 'object',
      description: 'The ordinary working week: hours per weekday. Days not listed are days off.',
      additionalProperties: false,
      minProperties: 1,
      properties: Object.fromEntries(
        weekdays.map((d) => [d, { ...hoursList, description: `Hours on ${d}.` }]),
      ),
    },
    specialHours: {
      type: 'array',
      description:
        'Periods with different hours, e.g. Ramadan. Within a period these hours replace the ordinary ones on working days (weekends and holidays stay off).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'from', 'to', 'hours'],
        properties: {
          name: { type: 'string', minLength: 1, description: 'What the period is, for people.' },
          from: { ...dateString, description: 'First day (inclusive).' },
          to: { ...dateString, description: 'Last day (inclusive).' },
          hours: hoursList,
        },
      },
    },
    holidays: {
      type: 'array',
      description:
        'Public holidays (no working hours). Give either `date` or `from`+`to`. Hijri holidays move every year: staff must update this list yearly.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, description: 'Name of the holiday.' },
          date: { ...dateString, description: 'A one-day holiday.' },
          from: { ...dateString, description: 'First day off (inclusive).' },
          to: { ...dateString, description: 'Last day off (inclusive).' },
          approximate: {
            type: 'boolean',
            description: 'True while the dates depend on a moon sighting not yet announced.',
          },
        },
      },
    },
    sla: {
      type: 'object',
      description: 'How long a ticket may stay unresolved, in WORKING hours (urgent: clock hours).',
      additionalProperties: false,
      required: ['defaultHours'],
      properties: {
        defaultHours: {
          type: 'number',
          exclusiveMinimum: 0,
          description: 'Working hours for categories not listed under `categories`.',
        },
        urgentHours: {
          type: 'number',
          exclusiveMinimum: 0,
          default: 4,
          description: 'Clock hours (nights and holidays included) for urgent tickets: danger does not wait.',
        },
        categories: {
          type: 'object',
          description: 'Working hours per category id, e.g. roads: 40.',
          additionalProperties: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
    ignoreAccounts: {
      type: 'array',
      description: 'X handles whose mentions are never answered (bots, partner agencies, the agency itself).',
      items: {
        type: 'string',
        pattern: '^@?[A-Za-z0-9_]{1,15}$',
        patternErrorMessage: 'an X handle is 1-15 letters, digits or _ (the @ is optional)',
      },
      uniqueItems: true,
    },
    afterHours: {
      type: 'object',
      description: 'Behaviour outside working hours.',
      additionalProperties: false,
      properties: {
        useAfterHoursTemplates: {
          type: 'boolean',
          default: true,
          description:
            'Reply with the after-hours variant of a template (it says when staff will pick the ticket up).',
        },
      },
    },
  },
};
