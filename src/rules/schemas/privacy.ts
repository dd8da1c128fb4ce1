// JSON Schema of rules/privacy.yml: retention of citizens' personal data (src/privacy/policy.ts).
import { DRAFT, type JsonSchema } from './common';

const months = (what: string): JsonSchema => ({
  type: 'integer',
  minimum: 1,
  maximum: 120,
  description: what,
});

export const privacySchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'privacy.schema.json',
  title: 'Mujib retention of personal data (privacy.yml)',
  description:
    "How long citizens' personal data is kept. Housekeeping (daily) blanks it afterwards; ticket records (category, dates, status) stay.",
  type: 'object',
  additionalProperties: false,
  properties: {
    retention: {
      type: 'object',
      additionalProperties: false,
      properties: {
        resolvedTicketMonths: months(
          "Months after a ticket is resolved before the text of the citizen's posts, their name and handle are blanked.",
        ),
        withoutTicketMonths: months(
          'Months before a mention that opened no ticket (spam, chatter, thanks) is blanked.',
        ),
        accessLogMonths: months('Months the staff access log (who viewed or changed which ticket) is kept.'),
      },
    },
  },
};
