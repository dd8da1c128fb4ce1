// The channel's text rule: X's weighted length as twitter-text counts it, and replies and
// template checks held to whichever rule the channel brings (X's by default, same messages).
import { codePointRule, fits, type TextRule } from '../src/channel';
import { X_TEXT_RULE } from '../src/channel/x-text-rule';
import { DEFAULT_TEXT_RULE, cleanName, renderReply, weightedLength } from '../src/reply';
import { renderFollowUp } from '../src/reply/follow-up';
import { WORST_TICKET, compileTemplates, loadTemplates } from '../src/pack/templates';
import { parseYamlText } from '../src/rules/yaml-source';

const templates = loadTemplates('rules');
const agency = { displayName: { ar: 'الأمانة', en: 'The Municipality' }, timeZone: 'Asia/Riyadh' };

test("X's rule is twitter-text's weight: Arabic 1 a letter, emoji 2, any link 23, at most 280", () => {
  expect(X_TEXT_RULE).toMatchObject({ label: 'X', unit: 'weighted characters', max: 280 });
  expect(DEFAULT_TEXT_RULE).toBe(X_TEXT_RULE);
  expect(X_TEXT_RULE.length('ت'.repeat(280))).toBe(280);
  expect(X_TEXT_RULE.length('😀')).toBe(2);
  expect(X_TEXT_RULE.length(`https://balady.gov.sa/${'a'.repeat(200)}`)).toBe(23);
  expect(fits(X_TEXT_RULE, 'ت'.repeat(280))).toBe(true);
  expect(fits(X_TEXT_RULE, 'ت'.repeat(281))).toBe(false);
  expect(weightedLength('漢字')).toBe(X_TEXT_RULE.length('漢字'));
});

test("the channel decides what it would link: X's entities drop a name, another rule its own", () => {
  expect(X_TEXT_RULE.linkifies('see evil.com')).toBe(true);
  expect(X_TEXT_RULE.linkifies('@sara')).toBe(true);
  expect(X_TEXT_RULE.linkifies('#حفرة')).toBe(true);
  expect(X_TEXT_RULE.linkifies('$SAR')).toBe(true);
  expect(X_TEXT_RULE.linkifies('سارة العتيبي')).toBe(false);
  expect(cleanName('سارة العتيبي')).toBe('سارة العتيبي');
  // A channel that would link anything with "سارة" in it: the name goes, the greeting stays neutral.
  const picky = codePointRule('Picky', 280, (text) => text.includes('سارة'));
  expect(cleanName('سارة العتيبي', picky)).toBe('');
  expect(cleanName('نورة', picky)).toBe('نورة');
  const o = { templates, kind: 'ack' as const, category: 'roads', lang: 'ar' as const, agency };
  const named = renderReply({ ...o, vars: { name: 'سارة', ticket: 'AM-2612-0042' } });
  expect(named).toContain('سارة');
  const neutral = renderReply({ ...o, vars: { name: 'سارة', ticket: 'AM-2612-0042' }, text: picky });
  expect(neutral).not.toContain('سارة');
  expect(neutral).toBe(renderReply({ ...o, vars: { ticket: 'AM-2612-0042' } }));
});

const vars = { name: 'عبدالرحمن بن عبدالعزيز بن محمد آل سعود الكبير', ticket: 'AM-2612-0042' };
const ack = { templates, kind: 'ack' as const, category: 'roads', lang: 'ar' as const, vars, agency };

test('a reply is rendered within the rule it is given; without one, within X’s', () => {
  const onX = renderReply(ack);
  expect(onX).toBe(renderReply({ ...ack, text: X_TEXT_RULE }));
  // A channel allowing only a little more than the reply without the name: the name is cut.
  const bare = renderReply({ ...ack, vars: { ticket: vars.ticket } });
  const tight = codePointRule('Tight', [...bare].length + 8);
  const short = renderReply({ ...ack, text: tight });
  expect(short).not.toBe(onX);
  expect(short).toMatch(/…/);
  expect(tight.length(short)).toBeLessThanOrEqual(tight.max);
  expect(() => renderReply({ ...ack, text: codePointRule('Tiny', 10) })).toThrow(
    /^reply over 10 characters even without the name \(ack roads ar\)$/,
  );
});

test('follow-up replies are held to the given rule too', () => {
  const o = {
    templates,
    kind: 'statusOpen' as const,
    lang: 'en' as const,
    vars: { ticket: 'AM-2612-0042', followup: 2, category: 'roads' },
    agency,
  };
  expect(renderFollowUp(o)).toBe(renderFollowUp({ ...o, text: X_TEXT_RULE }));
  expect(() => renderFollowUp({ ...o, text: codePointRule('Tiny', 10) })).toThrow(
    /^follow-up reply statusOpen \(en\) over 10 characters$/,
  );
});

const yaml = (ack: string) => `urgent:
  ar: "عاجل {{ticket}}"
  en: "Urgent {{ticket}}"
resolved:
  ar: "تمت معالجة {{ticket}}"
  en: "Handled {{ticket}}"
categories:
  other:
    ack:
      ar: "${ack}"
      en: "Thank you {{ticket}}"
`;
const problems = (text: string, textRules?: readonly TextRule[]) =>
  compileTemplates(parseYamlText(yaml(text), 'templates.yml'), textRules ? { textRules } : {}).problems.map(
    (p) => `${p.line}:${p.col}: ${p.message}`,
  );

test('template checks ask the channel rules; X’s message and limit are unchanged', () => {
  // 6 code points, the worst ticket (16), a space and 200 letters: 223, within X's 280.
  const text = `شكرًا {{ticket}} ${'ب'.repeat(200)}`;
  expect(6 + WORST_TICKET.length + 1 + 200).toBe(223);
  expect(problems(text)).toEqual([]);
  expect(problems(text, [X_TEXT_RULE])).toEqual([]);
  const sms = codePointRule('SMS', 160);
  const refused = problems(text, [X_TEXT_RULE, sms]);
  expect(refused).toHaveLength(1);
  expect(refused[0]).toMatch(
    /^10:11: too long: the worst case is 223 characters, SMS allows 160 \(shorten by 63\)/,
  );
  const long = `{{ticket}} ${'ب'.repeat(270)}`;
  expect(problems(long)).toEqual([
    expect.stringMatching(
      /^10:11: too long: the worst case is 287 weighted characters, X allows 280 \(shorten by 7\)/,
    ),
  ]);
  // Every rule given must hold: both channels report.
  expect(problems(long, [X_TEXT_RULE, sms])).toHaveLength(2);
});
