// rules/followups.yml: the words that tell what a citizen's reply in a ticket's thread wants.
import { DRAFT, type JsonSchema } from './common';

const words = (what: string): JsonSchema => ({
  type: 'array',
  uniqueItems: true,
  items: { type: 'string', minLength: 1 },
  description: `${what} Matched after normalisation (أ/إ/آ → ا, ة → ه, diacritics removed) on whole words, ignoring ال and light prefixes/suffixes; a trailing * matches any word starting so (fix* = fix, fixed, fixing). A phrase of several words matches them in a row.`,
});

const byLang = (what: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  description: what,
  properties: { ar: words('Arabic (Saudi dialect and MSA).'), en: words('English.') },
});

export const followUpsSchema: JsonSchema = {
  $schema: DRAFT,
  $id: 'followups.schema.json',
  title: "Mujib follow-up intents (followups.yml): what a reply in a ticket's thread asks",
  description:
    'A citizen replying in the thread of their ticket either asks for its status ("any update?"), says it is not fixed ("still broken" — on a resolved ticket this reopens it), thanks us (no reply needed), or adds something new. The bot reads the reply with these word lists, in this order: not fixed, status, thanks; anything else is new information. How often the bot answers status requests is in escalation.yml (followUps).',
  type: 'object',
  additionalProperties: false,
  properties: {
    notFixed: {
      type: 'object',
      description: 'The problem is still there.',
      additionalProperties: false,
      properties: {
        phrases: byLang('Whole phrases that say so by themselves ("still broken", "لسه خربانه", "رجعت").'),
        still: byLang(
          '"Still / yet" words (لسه، للحين، ما زال، still): with them the problem is still there.',
        ),
        negations: byLang('Negation words (ما، لم، مو، محد، not, never, nobody).'),
        fixed: byLang(
          'Words for fixing or the fix being done (صلح*، انحل*، ردم*، fix*, repair*): a negation up to three words before one says it is not fixed ("ما انصلحت", "not been fixed").',
        ),
      },
    },
    status: {
      type: 'object',
      description: 'A request for the status of the ticket.',
      additionalProperties: false,
      properties: {
        phrases: byLang('Whole phrases that ask it ("وش صار", "اي جديد", "any update").'),
        questions: byLang(
          'Question words (متى، وش، وين، when, what): with a progress word or a question mark, the reply asks for status.',
        ),
        progress: byLang('Progress words (البلاغ، الجديد، وصل، update, status, progress).'),
      },
    },
    thanks: {
      type: 'object',
      description: 'Thanks and closing words: a reply that is only this needs no answer.',
      additionalProperties: false,
      properties: {
        phrases: byLang('Thanks and "ok" phrases (شكرا، يعطيكم العافيه، تمام، thanks, great).'),
        maxOtherWords: {
          type: 'integer',
          minimum: 0,
          default: 3,
          description:
            'Up to this many other content words may come with the thanks ("شكرا على سرعة الرد"); more, and the reply is new information.',
        },
      },
    },
  },
};
