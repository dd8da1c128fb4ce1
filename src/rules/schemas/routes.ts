// escalation.yml `urgency` and `routes`: how urgency is decided, and where each kind of
// top-priority tweet goes (emergency, integrity, crisis), as named settings staff edit.
import type { JsonSchema } from './common';

const team = (what: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  description: `Who handles ${what} (shown to staff on the ticket and in the decision's reason).`,
});

export const urgencyProperties: Record<string, JsonSchema> = {
  urgency: {
    type: 'object',
    description:
      'Urgency has two sources that both count: the staff signals of urgent.yml and a learned model trained on the examples marked `urgent: true` in training/*.yml. Either can flag a tweet; the decision says which.',
    additionalProperties: false,
    properties: {
      useModel: {
        type: 'boolean',
        default: true,
        description: 'Let the learned urgency model flag tweets (the signals always count).',
      },
      modelThreshold: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        default: 0.8,
        description:
          'P(urgent) at or above which the model flags a tweet. Calibrated with `npm run bench:classify` (cross-validated on the training examples): lower catches more dangers and raises more false alarms.',
      },
    },
  },
  routes: {
    type: 'object',
    description:
      'Where each kind of top-priority tweet goes. Every route is priority 1, escalated at once, due within agency.yml sla.urgentHours (never days).',
    additionalProperties: false,
    properties: {
      emergency: {
        type: 'object',
        description:
          'Danger to life or health (urgent.yml signals with route emergency, or the model): the `urgent` reply.',
        additionalProperties: false,
        properties: { team: team('dangers to life') },
      },
      integrity: {
        type: 'object',
        description:
          'Bribery and corruption (signals with route integrity): the `integrity` reply of templates.yml, never the emergency one.',
        additionalProperties: false,
        properties: {
          team: team('bribery and corruption reports'),
          category: {
            type: 'string',
            minLength: 1,
            default: 'staff_conduct',
            description:
              'The category of a bribery report when neither the rules nor the model decided one (a bribe is staff conduct).',
          },
        },
      },
      crisis: {
        type: 'object',
        description: 'Threats of violence and self-harm (signals with route threat or self_harm).',
        additionalProperties: false,
        properties: {
          team: team('threats and self-harm'),
          selfHarm: {
            type: 'object',
            additionalProperties: false,
            description: 'Someone who says they may hurt themselves: a caring reply with the crisis line.',
            properties: {
              crisisLine: {
                type: 'string',
                minLength: 1,
                maxLength: 20,
                pattern: '^[0-9+ -]+$',
                description:
                  'The phone number the caring reply gives ({{crisisLine}} in templates.yml crisis.selfHarm). Digits only: never a link or an account.',
              },
            },
          },
          threat: {
            type: 'object',
            additionalProperties: false,
            description: 'A threat of violence against staff or others.',
            properties: {
              reply: {
                enum: ['neutral', 'none'],
                default: 'neutral',
                description:
                  "'neutral': the templates.yml crisis.threat reply (no apology, no promise); 'none': no reply at all, staff handle it.",
              },
            },
          },
        },
      },
    },
  },
};
