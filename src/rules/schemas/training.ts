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
      items: { type: 'string', minLength: 1, description: 'One example tweet.' },
    },
  },
};
