// rules/templates.yml: the shipped replies load, and broken ones are refused with the line
// and column to fix — above all any reply that could exceed X's 280 weighted characters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleFileError } from '../src/rules/agency';
import { loadTemplates, WORST_NAME, WORST_TICKET } from '../src/pack/templates';
import { longestDue, renderReply, weightedLength } from '../src/reply';
import { type ReplyLang } from '../src/text/lang';

const CATEGORIES = [
  'roads',
  'lighting',
  'waste',
  'water_sewage',
  'buildings',
  'animals_pests',
  'public_health',
  'parks',
  'staff_conduct',
  'digital_services',
  'inquiry',
  'praise',
  'other',
];
const cats = CATEGORIES.map((id) => ({ id, names: { ar: `فئة ${id}`, en: `category ${id}` } }));

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-templates-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes a templates.yml into a fresh folder and returns the problems loading it gives. */
function problemsOf(yaml: string, categories = cats.filter((c) => ['other'].includes(c.id))): string[] {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  fs.writeFileSync(path.join(dir, 'templates.yml'), yaml);
  try {
    loadTemplates(dir, { categories });
    return [];
  } catch (e) {
    if (!(e instanceof RuleFileError)) throw e;
    return e.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col}: ${p.message}`);
  }
}

const base = (other: string) => `urgent:
  ar: "عاجل {{ticket}}"
  en: "Urgent {{ticket}}"
resolved:
  ar: "تمت معالجة {{ticket}}"
  en: "Handled {{ticket}}"
categories:
  other:
${other}`;

const okOther = `    ack:
      ar: "شكرًا لتواصلكم، رقم البلاغ {{ticket}}"
      en: "Thank you, ticket {{ticket}}"`;

test('the shipped templates cover all 13 categories in Arabic and English', () => {
  const t = loadTemplates('rules', {
    categories: cats,
    agencyName: { ar: 'أمانة مدينة الواحة', en: 'Al-Waha Municipality' },
  });
  expect(Object.keys(t.categories).sort()).toEqual([...CATEGORIES].sort());
  for (const id of CATEGORIES) {
    expect(t.categories[id]!.ack.ar).toMatch(/\{\{ticket\}\}/);
    expect(t.categories[id]!.ack.en).toMatch(/\{\{ticket\}\}/);
  }
  expect(Object.keys(t.categories.inquiry!.answers)).toEqual(['hours', 'documents', 'apply', 'locations']);
});

test('every shipped reply fits 280 in its worst case, rendered for real', () => {
  const t = loadTemplates('rules', { categories: cats });
  for (const lang of ['ar', 'en'] as ReplyLang[]) {
    for (const [category, c] of Object.entries(t.categories)) {
      const kinds = [
        { kind: 'ack' as const, afterHours: false },
        { kind: 'ack' as const, afterHours: true },
        { kind: 'ack' as const, urgent: true },
        { kind: 'resolved' as const },
        ...Object.keys(c.answers).map((answer) => ({ kind: 'answer' as const, answer })),
      ];
      for (const k of kinds) {
        const text = renderReply({
          templates: t,
          category,
          lang,
          ...k,
          vars: {
            name: WORST_NAME,
            ticket: WORST_TICKET,
            due: longestDue(lang),
            agency: 'أمانة مدينة الواحة',
          },
        });
        expect(weightedLength(text)).toBeLessThanOrEqual(280);
        // The name was not cut to make it fit: the templates themselves leave room for it.
        expect(text).toContain(WORST_NAME);
      }
    }
  }
});

test('Arabic replies address people in the gender-neutral plural', () => {
  const t = loadTemplates('rules', { categories: cats });
  const all = [
    t.urgent.ar,
    t.resolved.ar,
    ...Object.values(t.categories).flatMap((c) => [
      c.ack.ar,
      c.afterHours?.ar ?? '',
      ...Object.values(c.answers).map((a) => a.text.ar),
    ]),
  ];
  for (const text of all) {
    // Singular forms that address only a man or only a woman.
    expect(text).not.toMatch(/عزيزي|عزيزتي|أخي|أختي|بلاغك[^م]|بلاغك$|لك[ ،.]|شكرا لك[^م]/);
  }
});

test('a template that overflows 280 in its worst case is refused at its line and column', () => {
  const long = 'شكرًا '.repeat(40);
  const problems = problemsOf(
    base(`    ack:
      ar: "أهلًا {{name}}، ${long} {{ticket}} {{due}}"
      en: "Thank you {{ticket}}"`),
  );
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(
    /^templates\.yml:10:11: too long: the worst case is \d+ weighted characters, X allows 280 \(shorten by \d+\)/,
  );
});

test('a template that only just fits is accepted, one character more is refused', () => {
  // Worst case of "{{name}} {{ticket}} X…" = name + 1 + ticket + 1 + n.
  const fits = 'x'.repeat(280 - WORST_NAME.length - WORST_TICKET.length - 2);
  expect(
    problemsOf(base(`    ack:\n      ar: "{{name}} {{ticket}} ${fits}"\n      en: "{{ticket}}"`)),
  ).toEqual([]);
  expect(
    problemsOf(base(`    ack:\n      ar: "{{name}} {{ticket}} ${fits}x"\n      en: "{{ticket}}"`))[0],
  ).toMatch(/^templates\.yml:10:11: too long: the worst case is 281 .*shorten by 1\)/);
});

test('URLs count 23 whatever their length', () => {
  const url = `https://balady.gov.sa/${'a'.repeat(200)}`;
  expect(problemsOf(base(`    ack:\n      ar: "{{ticket}} ${url}"\n      en: "{{ticket}}"`))).toEqual([]);
});

test('unknown and malformed variables, a missing {{ticket}} and @-mentions are refused', () => {
  const problems = problemsOf(
    base(`    ack:
      ar: "شكرًا {{nmae}} {{ticket}}"
      en: "Thanks {name}, see @AlWahaAmana"`),
  );
  expect(problems).toEqual([
    expect.stringMatching(/^templates\.yml:10:11: unknown variable \{\{nmae\}\}; use one of: \{\{name\}\}/),
    expect.stringMatching(/^templates\.yml:11:11: '\{name\}' needs double braces: \{\{name\}\}/),
    expect.stringMatching(/^templates\.yml:11:11: '@' would mention an account/),
    expect.stringMatching(/^templates\.yml:11:11: missing \{\{ticket\}\}/),
  ]);
});

test('a missing language is refused where it is missing', () => {
  const problems = problemsOf(base(`    ack:\n      ar: "شكرًا {{ticket}}"`));
  expect(problems).toEqual([
    expect.stringMatching(/^templates\.yml:10:7: missing required key 'en' in 'ack'/),
  ]);
});

test('every category of the pack needs templates; unknown ones are named', () => {
  const problems = problemsOf(
    base(`${okOther}
  roadz:
${okOther.replace(/^ {2}/gm, '  ')}`),
    cats.filter((c) => ['other', 'roads'].includes(c.id)),
  );
  expect(problems).toEqual([
    expect.stringMatching(/^templates\.yml:7:1: missing templates for category 'roads'/),
    expect.stringMatching(/^templates\.yml:12:3: unknown category 'roadz' \(did you mean 'roads'\?\)/),
  ]);
});

test('{{due}} is refused in replies that close the ticket', () => {
  const problems = problemsOf(base(okOther).replace('Handled {{ticket}}', 'Handled {{ticket}} by {{due}}'));
  expect(problems).toEqual([expect.stringMatching(/^templates\.yml:6:7: \{\{due\}\} is not available here/)]);
});
