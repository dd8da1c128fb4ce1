// rules/urgent.yml: danger to life or health. Any match flags the ticket urgent, whatever
// its category (top priority, escalated at once).
import { DRAFT, conditionProperties, ruleId, type JsonSchema } from './common';

export const urgentSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'urgent.schema.json',
  title: 'Mujib urgent signals',
  description:
    'Signals of danger to life or health (collapse risk, open manholes, exposed wires, people trapped by floods, food poisoning, animal attacks, bribery). When any signal matches, the tweet is flagged urgent whatever its category: top priority, escalated at once. The category is still decided by categories.yml and the model.',
  type: 'object',
  additionalProperties: false,
  required: ['signals'],
  properties: {
    signals: {
      type: 'array',
      minItems: 1,
      description: 'Every urgent signal. Matching works exactly like rules in categories.yml.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        description:
          'One signal: every condition given must hold. Give at least one of `any`, `all` or `regex`.',
        properties: {
          id: ruleId,
          description: { type: 'string', description: 'What danger this signal is about, for staff.' },
          route: {
            enum: ['emergency', 'integrity', 'self_harm', 'threat'],
            default: 'emergency',
            description:
              "Where a match goes (escalation.yml `routes`): 'emergency' (danger to life: the urgent reply), 'integrity' (bribery or corruption: the integrity reply, never the emergency one), 'self_harm' (a caring reply with the crisis line) or 'threat' (violence against staff or others: a neutral reply or none). Self-harm wins over threat, threat over integrity, integrity over emergency.",
          },
          ...conditionProperties,
        },
      },
    },
  },
};
