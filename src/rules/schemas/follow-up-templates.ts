// templates.yml `followUps`: replies to a citizen's follow-up on an existing ticket.
import { OTHER_LANG_KEY, type JsonSchema } from './common';

const text = (lang: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  description: `In ${lang}. Must contain {{ticket}} and {{followup}}; its longest rendering must fit X's 280 weighted characters.`,
});
const reply = (what: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['ar', 'en'],
  description: `${what}. Variables as above, plus {{followup}}: the number of this follow-up on the ticket (1, 2, …), which keeps every reply on one ticket unique.`,
  properties: { ar: text('Arabic'), en: text('English') },
  patternProperties: { [OTHER_LANG_KEY]: text('the language of its key') },
});

export const followUpTemplatesSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['repeat', 'status', 'reopened', 'update'],
  description:
    'Replies to follow-ups on an existing ticket: the same problem tweeted again, a status request in its thread, a reopen, new details. Without this section the shipped texts are used.',
  properties: {
    repeat: reply(
      'A new tweet about the same problem, attached to the citizen\'s open ticket ("added to your report AM-…")',
    ),
    status: {
      type: 'object',
      additionalProperties: false,
      required: ['open', 'claimed', 'late', 'resolved'],
      description:
        'The answer to "any update?" in the ticket\'s thread, by the ticket\'s state (at most once per ticket per escalation.yml followUps.statusReplyEveryHours).',
      properties: {
        open: reply('The ticket waits in the queue; {{due}} is its due time'),
        claimed: reply('A member of staff holds the ticket'),
        late: reply('The ticket is past its due time (the bot escalates it to supervisors as it answers)'),
        resolved: reply('The ticket is resolved (no {{due}}); invite a reply if the problem persists'),
      },
    },
    reopened: reply('"Still broken" on a resolved ticket: it is reopened; {{due}} is its new due time'),
    update: reply(
      'New details in the thread of an open ticket (escalation.yml followUps.acknowledgeNewInfo)',
    ),
  },
};
