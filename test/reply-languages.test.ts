// Issue 13: templates may carry any language code. A pack whose acknowledgements are written
// in Urdu answers Urdu tweets in Urdu (its own date names, English for what it lacks); the
// shipped pack, which has no Urdu, answers them in English; agency.yml cannot send a language
// to templates that are not written in it, and a broken Urdu template is refused like any
// other, at its line and column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { buildRules } from '../src/policy/runtime';
import { loadRulePack } from '../src/pack/load';
import { templateLanguages } from '../src/pack/templates';
import { repliesFromPack } from '../src/policy/policy';
import { chooseReplyLang, renderReply } from '../src/reply';
import { renderFollowUp } from '../src/reply/follow-up';
import { createLogger } from '../src/log';

const RULES = path.resolve(__dirname, '..', 'rules');
const quiet = createLogger({ level: 'error' });
const URDU_TWEET = 'ہماری گلی میں کچرا کئی دن سے نہیں اٹھایا گیا، بہت بدبو ہے';
const URGENT_UR =
  'السلام علیکم {{name}}، آپ کی فوری شکایت {{ticket}} فوراً ہنگامی ٹیموں کو بھیج دی گئی ہے۔ جان کو خطرہ ہو تو 911 پر کال کریں۔';
const ACK_UR = 'السلام علیکم {{name}}، آپ کی شکایت {{ticket}} ({{category}}) درج کر لی گئی ہے۔';
const ACK_DUE_UR = `${ACK_UR} ہماری کوشش ہے کہ یہ {{due}} تک حل ہو جائے۔`;

type Texts = Record<string, string>;
interface TemplatesYaml {
  urgent: Texts;
  categories: Record<string, { ack: Texts }>;
}
interface Files {
  templates: TemplatesYaml;
  agency: { replyLanguages?: Record<string, string> };
}

/** A copy of the shipped pack; `edit` changes its parsed YAML files before they are written. */
function packCopy(edit: (files: Files) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-langs-'));
  fs.cpSync(RULES, dir, { recursive: true });
  const read = (f: string) => YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const files = { templates: read('templates.yml'), agency: read('agency.yml') } as Files;
  edit(files);
  fs.writeFileSync(path.join(dir, 'templates.yml'), YAML.stringify(files.templates));
  fs.writeFileSync(path.join(dir, 'agency.yml'), YAML.stringify(files.agency));
  return dir;
}

const withUrdu = (f: Files) => {
  f.templates.urgent.ur = URGENT_UR;
  for (const [id, c] of Object.entries(f.templates.categories))
    c.ack.ur = id === 'waste' ? ACK_DUE_UR : ACK_UR;
};

test('a pack written in Urdu answers Urdu in Urdu; what it lacks falls back to English', async () => {
  const { pack, problems } = loadRulePack(packCopy(withUrdu));
  expect(problems).toEqual([]);
  const rules = await buildRules(pack!, fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-langs-data-')), quiet);
  const { agency, templates } = rules.policy;
  expect(templateLanguages(templates)).toEqual(['ar', 'en', 'ur']);
  expect(agency.replyLanguages).toMatchObject({ ur: 'ur', fa: 'en', arabizi: 'ar' });
  // `mujib queue resolve --reply` reads the agency from the same place as the bot.
  expect(repliesFromPack(pack!).agency.replyLanguages).toEqual(agency.replyLanguages);

  const d = rules.classifier.classify(URDU_TWEET);
  expect(d.lang).toBe('ur');
  expect(d.category).toBe('waste');
  const lang = chooseReplyLang(d.lang, agency);
  expect(lang).toBe('ur');
  const due = new Date('2026-12-09T11:30:00Z'); // a Wednesday, 14:30 in Riyadh
  const ack = renderReply({
    templates,
    kind: 'ack',
    category: d.category,
    lang,
    vars: { name: 'Imran', ticket: 'AM-2612-0001', due },
    agency,
  });
  expect(ack).toContain('آپ کی شکایت AM-2612-0001');
  expect(ack).toContain('دسمبر'); // December, in Urdu
  expect(ack).toContain('14:30');
  // No Urdu category names in the pack: the English one, never the Arabic.
  expect(ack).toContain(`(${templates.categoryNames.waste!.en})`);
  // The resolved reply has no Urdu: English, whole.
  const resolved = renderReply({
    templates,
    kind: 'resolved',
    category: 'waste',
    lang,
    vars: { ticket: 'AM-2612-0001' },
    agency,
  });
  expect(resolved).toBe(
    renderReply({
      templates,
      kind: 'resolved',
      category: 'waste',
      lang: 'en',
      vars: { ticket: 'AM-2612-0001' },
      agency,
    }),
  );
  const followUp = renderFollowUp({
    templates,
    kind: 'repeat',
    lang,
    vars: { ticket: 'AM-2612-0001', followup: 1, category: 'waste' },
    agency,
  });
  expect(followUp).toMatch(/AM-2612-0001/);
  expect(followUp).not.toMatch(/[\u0600-\u06ff]/);

  // Persian is not Urdu: still English by default.
  expect(chooseReplyLang('fa', agency)).toBe('en');
}, 120_000);

test('the shipped pack has no Urdu: Urdu residents are answered in English', async () => {
  const { pack } = loadRulePack(RULES);
  const rules = await buildRules(pack!, fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-langs-data-')), quiet);
  expect(templateLanguages(rules.policy.templates)).toEqual(['ar', 'en']);
  const d = rules.classifier.classify(URDU_TWEET);
  expect(d.lang).toBe('ur');
  expect(chooseReplyLang(d.lang, rules.policy.agency)).toBe('en');
}, 120_000);

test('agency.yml cannot answer in a language the templates are not written in', () => {
  const dir = packCopy((f) => {
    f.templates.urgent.ur = URGENT_UR; // only the urgent reply: acknowledgements lack it
    f.agency.replyLanguages = { ur: 'ur' };
  });
  const { pack, problems } = loadRulePack(dir);
  expect(pack).toBeUndefined();
  const p = problems.find((x) => x.file.endsWith('agency.yml'));
  expect(p?.message).toMatch(/'ur': templates\.yml has no replies in it \(written in: ar, en\)/);
  const lines = fs.readFileSync(path.join(dir, 'agency.yml'), 'utf8').split('\n');
  expect(lines[p!.line - 1]).toMatch(/^\s+ur: ur/);
});

test('an Urdu template is checked like the others, at its line', () => {
  const dir = packCopy((f) => {
    withUrdu(f);
    f.templates.categories.roads!.ack.ur = 'السلام علیکم، آپ کی شکایت درج کر لی گئی ہے۔ @someone';
  });
  const { problems } = loadRulePack(dir);
  const mine = problems.filter((x) => x.file.endsWith('templates.yml'));
  expect(mine.map((x) => x.message)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/missing \{\{ticket\}\}/),
      expect.stringMatching(/would mention an account/),
    ]),
  );
  const lines = fs.readFileSync(path.join(dir, 'templates.yml'), 'utf8').split('\n');
  for (const x of mine) expect(lines[x.line - 1]).toContain('ur:');
});
