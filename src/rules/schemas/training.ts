// rules/training/<category>.yml: example tweets the model learns each category from.
import { DRAFT, categoryId, type JsonSchema } from './common';

export const trainingSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'training.schema.json',
  title: 'Mujib training examples',
  description:
    'Example tweets for one category, one file per category (`training/<category>.yml`). The model learns from them and is retrained automatically when any file changes. Write tweets the way citizens write them: dialect, typos, emoji, mentions, English too.',
  type: 'object',
  additionalProperties: false,
  required: ['category', 'examples'],
  properties: {
    category: {
      ...categoryId,
      description: 'The category these examples belong to; must match the file name.',
    },
    examples: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description: 'Example tweets, one per item.',
      items: {
        description:
          'One example tweet: its text, or `{text, urgent: true}` for a danger to life (the urgency model learns from these against every other example).',
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['text'],
            properties: {
              text: { type: 'string', minLength: 1, description: 'The tweet.' },
              urgent: {
                type: 'boolean',
                description:
                  'A danger to life or health (someone fell, trapped, bitten, fire, gas…): teaches the urgency model.',
              },
            },
          },
        ],
      },
    },
  },
};
