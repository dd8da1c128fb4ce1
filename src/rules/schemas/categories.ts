// rules/categories.yml: the categories tweets are sorted into, and the staff rules that
// decide a category outright when they match.
import { DRAFT, categoryId, conditionProperties, names, ruleId, type JsonSchema } from './common';

export const categoriesSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'categories.schema.json',
  title: 'Mujib categories and rules',
  description:
    'The categories tweets are sorted into, each with the rules that decide it. A rule that matches wins outright (confidence 1); when none matches, the trained model decides; when the model is unsure, the tweet goes to `other` for a person to triage. When several rules match, the highest `priority` wins; on a tie, the rule written first in this file.',
  type: 'object',
  additionalProperties: false,
  required: ['categories'],
  properties: {
    categories: {
      type: 'array',
      minItems: 1,
      description: 'Every category, in the order staff see them.',
      items: { $ref: '#/definitions/category' },
    },
  },
  definitions: {
    category: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'names'],
      description: 'One category.',
      properties: {
        id: {
          ...categoryId,
          description:
            'The category id (lowercase English, digits, `_`), used by training files, tests and reply templates.',
        },
        names,
        description: { type: 'string', description: 'What belongs here, for staff.' },
        rules: {
          type: 'array',
          description: 'Rules that put a tweet in this category when they match.',
          items: { $ref: '#/definitions/rule' },
        },
      },
    },
    rule: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      description:
        'A rule: every condition given (`any`, `all`, `none`, `regex`) must hold. Give at least one of `any`, `all` or `regex`.',
      properties: {
        id: ruleId,
        priority: {
          type: 'number',
          default: 0,
          description:
            'When several rules match one tweet, the highest priority wins (ties: the rule written first). Default 0. Give specific rules a higher priority than broad ones.',
        },
        ...conditionProperties,
      },
    },
  },
};
