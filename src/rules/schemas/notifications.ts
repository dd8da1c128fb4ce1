// JSON Schema of rules/notifications.yml: who is told of what, by webhook or e-mail, and when
// not to wake them.
import { DRAFT, type JsonSchema } from './common';

export const NOTIFY_EVENT_IDS = ['urgent', 'crisis', 'escalated', 'sla-breach', 'channel-stopped'];

const events: JsonSchema = {
  type: 'array',
  description:
    'Events to tell: `urgent` (danger to life or health), `crisis` (threats, self-harm), `escalated` (flagged for supervisors: needs triage, repeat complainer, the bot could not reply), `sla-breach` (a ticket passed its deadline), `channel-stopped` (the bot stopped reading or answering X).',
  items: { type: 'string', enum: NOTIFY_EVENT_IDS },
  minItems: 1,
  uniqueItems: true,
};

const clock = {
  type: 'string',
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  patternErrorMessage: 'write a time as "HH:MM" (24-hour clock), e.g. "22:00"',
};

const quietHours: JsonSchema = {
  type: 'object',
  description:
    'Hours (agency time zone) when only the `except` events are sent; the others wait until the quiet hours end, nothing is dropped.',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { ...clock, description: 'Start, "HH:MM", e.g. "22:00".' },
    to: { ...clock, description: 'End, "HH:MM", e.g. "07:00" (the next morning when before `from`).' },
    except: { ...events, minItems: 0, description: 'Events sent even in quiet hours (e.g. urgent, crisis).' },
  },
};

export const notificationsSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'notifications.schema.json',
  title: 'Mujib staff notifications (notifications.yml)',
  description:
    'Who is told, of which events, by webhook (Slack, Teams, any HTTP endpoint) or e-mail. Every event is sent to each recipient once, retried until it goes through. NOTIFY_WEBHOOK_URL adds a catch-all webhook without editing this file.',
  type: 'object',
  additionalProperties: false,
  properties: {
    quietHours: {
      ...quietHours,
      description: `Default quiet hours of every recipient. ${String(quietHours.description)}`,
    },
    recipients: {
      type: 'array',
      description: 'People or channels to tell.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'events'],
        properties: {
          name: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9_-]*$',
            patternErrorMessage: 'use lowercase English letters, digits, - and _ (like supervisors)',
            description:
              'A short unique id, e.g. `supervisors` (keys the "sent once" record: keep it stable).',
          },
          events,
          email: {
            type: 'array',
            description: 'E-mail addresses (needs SMTP_URL).',
            items: {
              type: 'string',
              pattern: '^[^\\s@]+@[^\\s@]+$',
              patternErrorMessage: 'not an e-mail address',
            },
            minItems: 1,
          },
          webhook: {
            type: 'string',
            pattern: '^https?://\\S+$',
            patternErrorMessage: 'write the full URL, starting with https://',
            description: 'URL that receives a JSON POST per event (see "Notifications" above for the body).',
          },
          secretEnv: {
            type: 'string',
            pattern: '^[A-Z][A-Z0-9_]*$',
            patternErrorMessage: 'the NAME of an environment variable, in capitals',
            description:
              'Name of the environment variable holding the key of the webhook signature (X-Mujib-Signature-256). Secrets never go in this file.',
          },
          quietHours: {
            oneOf: [
              quietHours,
              { const: 'none', description: '`none`: this recipient is told at any hour.' },
            ],
            description: "This recipient's quiet hours, or `none` (overrides the default).",
          },
        },
      },
    },
  },
};
