// rules/outcome-training/<outcome>.yml: example tweets that are spam or chatter, which the
// learned spam/chatter score trains on against every resident example in training/*.yml.
import { DRAFT, type JsonSchema } from './common';

/** The outcomes the learned score knows (one file each: outcome-training/<outcome>.yml). */
export const LEARNED_OUTCOMES = ['spam', 'chatter'] as const;

export const outcomeTrainingSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'learned.schema.json',
  title: 'Mujib spam and chatter examples',
  description:
    'Example mentions that are not a request to the agency, one file per outcome (`outcome-training/spam.yml`, `outcome-training/chatter.yml`). A learned score trains on them against every example in `training/*.yml` (what residents write), and is retrained automatically when any file changes. A high score makes a mention spam or chatter only when nothing in it looks like a complaint (no problem rule with a complaint sign, nothing urgent, nothing asked for). Write real-looking ones of every kind: ads, follower selling, loans, homework services, crypto, giveaways, shops; greetings, prayers, football, weather, news, jokes, opinions, replies to others — in Arabic, English and Arabizi, with their links, phone numbers, emoji and hashtags.',
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'examples'],
  properties: {
    outcome: {
      enum: [...LEARNED_OUTCOMES],
      description: 'Which outcome these examples teach; must match the file name (spam.yml, chatter.yml).',
    },
    examples: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description: 'Example mentions, one per item, written the way they arrive.',
      items: { type: 'string', minLength: 1, description: 'One example mention.' },
    },
  },
};
