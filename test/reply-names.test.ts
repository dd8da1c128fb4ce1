// Issue 15, finding 3: a display name is the only citizen text that reaches a reply, so it
// must never carry a link, a handle, a hashtag, a cashtag, a phone number or an invisible /
// bidi character into the agency's voice — in any script. Every reply kind and language of
// the shipped templates is rendered with each hostile name and read the way X reads it.
import { extractEntitiesWithIndices } from 'twitter-text';
import { loadAgency } from '../src/rules/agency';
import { loadTemplates } from '../src/pack/templates';
import { cleanName, renderReply } from '../src/reply';
import { MAX_NAME } from '../src/reply/name';

const agency = loadAgency('rules');
const templates = loadTemplates('rules');

const HOSTILE = [
  // IDN and punycode domains, with and without a path
  'evil.السعودية',
  'pay.рф/x',
  'بنك.مصر',
  'xn--mgberp4a5d4ar',
  'xn--p1ai.com',
  'evil。com', // ideographic full stop
  'ｅｖｉｌ．ｃｏｍ', // fullwidth
  'evil\u2024com', // one-dot leader
  'evil\u06D4com', // Arabic full stop
  'www.بلدية.com/login',
  'https://t.co/abc',
  'evil .com',
  // handles, hashtags, cashtags
  '@AlWahaAmana',
  '＠someone',
  '#وظائف',
  '＃hashtag',
  '$SAMA',
  'محمد #عاجل',
  // digits and phone numbers
  '0551234567',
  '+966 55 123 4567',
  '٠٥٥١٢٣٤٥٦٧',
  '۰۵۵۱۲۳۴۵۶۷',
  'Call ①②③',
  // invisible and bidi characters
  'محمد\u061CAli',
  '\u3164\u3164\u3164',
  '\u2800\u2800',
  'abc\u200Fdef',
  '\u202Eevil.com\u202C',
  'a\u2066b\u2069c',
  'x\uFEFFy',
  'Ali\u115F\u1160',
  'فهد\u180E',
  'Sara\u034F',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  'z\uFE0Fz',
];

// Characters that must never reach a reply from a name: format (Cf) and unassigned, the
// invisible fillers, digits.
const HIDDEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\p{Co}\p{Cn}]/u;

const renders = (name: string): string[] => {
  const out: string[] = [];
  for (const lang of ['ar', 'en'] as const) {
    for (const category of Object.keys(templates.categories)) {
      out.push(
        renderReply({
          templates,
          kind: 'ack',
          category,
          lang,
          vars: { name, ticket: 'AM-2612-0042' },
          agency,
        }),
      );
      out.push(
        renderReply({
          templates,
          kind: 'ack',
          category,
          lang,
          urgent: true,
          vars: { name, ticket: 'AM-2612-0042' },
          agency,
        }),
      );
    }
    out.push(
      renderReply({
        templates,
        kind: 'resolved',
        category: 'roads',
        lang,
        vars: { name, ticket: 'AM-2612-0042' },
        agency,
      }),
    );
  }
  return out;
};

/** What X would make of a text: its links, handles, hashtags and cashtags. */
const entities = (text: string): string[] =>
  extractEntitiesWithIndices(text).map((e) =>
    'url' in e
      ? `url:${e.url}`
      : 'hashtag' in e
        ? `#${e.hashtag}`
        : 'cashtag' in e
          ? `$${e.cashtag}`
          : `@${e.screenName}`,
  );
// What the templates themselves carry (a staff-written link would be here, not from the name).
const baseline = new Set(renders('').flatMap(entities));

test.each(HOSTILE.map((n) => [JSON.stringify(n), n]))('%s', (_label, name) => {
  const cleaned = cleanName(name);
  expect(cleaned).not.toMatch(/[\p{N}\p{P}\p{S}]/u);
  expect(cleaned).not.toMatch(HIDDEN);
  expect(entities(cleaned)).toEqual([]);
  for (const text of renders(name)) {
    for (const e of entities(text)) expect(baseline).toContain(e);
    expect(text).not.toMatch(HIDDEN);
  }
});

test('names in any script keep their letters and marks', () => {
  expect(cleanName('مُحَمَّد العتيبي')).toBe('مُحَمَّد العتيبي');
  expect(cleanName('Анна Петрова')).toBe('Анна Петрова');
  expect(cleanName('王小明')).toBe('王小明');
  expect(cleanName('José María')).toBe('José María');
  expect(cleanName('अमित शर्मा')).toBe('अमित शर्मा');
  expect(cleanName('Ahmed 🇸🇦 Al-Saud | أحمد')).toBe('Ahmed Al Saud أحمد');
  expect(cleanName('ｄｅｍｏ')).toBe('demo');
});

test('the length is capped in letters; marks stacked on a letter are capped too', () => {
  expect([...cleanName('ب'.repeat(100))]).toHaveLength(MAX_NAME);
  // é (one letter) keeps at most two more marks.
  expect([...cleanName('e' + '\u0301'.repeat(30)).normalize('NFD')]).toHaveLength(4);
});

test('what is left of a name is dropped when X would still find an entity in it', () => {
  // Nothing but letters and spaces cannot form one today; the check guards the future.
  for (const name of HOSTILE) expect(extractEntitiesWithIndices(cleanName(name))).toEqual([]);
  expect(cleanName('@@@')).toBe('');
});
