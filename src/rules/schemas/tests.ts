// rules/tests.yml: tweets with the decision staff expect, run by `mujib rules test`.
import { DRAFT, categoryId, type JsonSchema } from './common';

export const testsSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'tests.schema.json',
  title: 'Mujib rule tests',
  description:
    'Tweets with the category (and urgency) staff expect. `mujib rules test` runs each through the full classifier — rules and model — and lists every case that comes out differently. Add a case for every mistake you fix, so it stays fixed.',
  type: 'object',
  additionalProperties: false,
  required: ['cases'],
  properties: {
    cases: {
      type: 'array',
      minItems: 1,
      description: 'The test cases.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'category'],
        description: 'One tweet and the decision expected for it.',
        properties: {
          text: { type: 'string', minLength: 1, description: 'The tweet, as a citizen would write it.' },
          category: { ...categoryId, description: 'The category expected.' },
          urgent: {
            type: 'boolean',
            default: false,
            description:
              'Whether the tweet must be flagged urgent. Without `urgent: true`, the case also fails when the tweet is flagged urgent.',
          },
        },
      },
    },
  },
};
