// Rendering replies: the right template and language, variables filled, names defused, the
// citizen's text never echoed, X's length limit always held.
import { loadAgency } from '../src/rules/agency';
import { loadTemplates } from '../src/pack/templates';
import {
  chooseAnswer,
  chooseReplyLang,
  cleanName,
  formatDue,
  renderReply,
  weightedLength,
} from '../src/reply';

const agency = loadAgency('rules');
const templates = loadTemplates('rules');
const due = new Date('2026-12-02T11:30:00Z'); // Wednesday 14:30 in Riyadh

test('Arabic for Arabic tweets, English for English, the agency default otherwise', () => {
  expect(chooseReplyLang('ar', agency)).toBe('ar');
  expect(chooseReplyLang('en', agency)).toBe('en');
  expect(chooseReplyLang('other', agency)).toBe('ar');
  expect(chooseReplyLang('other', { defaultLanguage: 'en' })).toBe('en');
  expect(chooseReplyLang(undefined, agency)).toBe('ar');
});

test('{{due}} in Arabic has Arabic day and month names with Latin digits; English likewise', () => {
  expect(formatDue(due, 'ar', 'Asia/Riyadh')).toBe('الأربعاء 2 ديسمبر، الساعة 2:30 مساءً');
  expect(formatDue(due, 'en', 'Asia/Riyadh')).toBe('Wednesday 2 December, 2:30 pm');
  expect(formatDue(new Date('2026-12-02T04:05:00Z'), 'ar', 'Asia/Riyadh')).toBe(
    'الأربعاء 2 ديسمبر، الساعة 7:05 صباحًا',
  );
  // The zone decides the day: 23:30 UTC on Tuesday is already Wednesday in Riyadh.
  expect(formatDue(new Date('2026-12-01T23:30:00Z'), 'en', 'Asia/Riyadh')).toBe(
    'Wednesday 2 December, 2:30 am',
  );
});

test('an Arabic acknowledgement carries the ticket, the due date and a cleaned name', () => {
  const text = renderReply({
    templates,
    kind: 'ack',
    category: 'roads',
    lang: 'ar',
    vars: { name: 'أبو فهد @fahad_99', ticket: 'AM-2611-0042', due },
    agency,
  });
  expect(text).toBe(
    'أهلًا أبو فهد fahad، شكرًا لتواصلكم. استلمنا بلاغكم برقم AM-2611-0042 وأحلناه إلى فريق صيانة الطرق للمعاينة، ونسعى لمعالجته قبل الأربعاء 2 ديسمبر، الساعة 2:30 مساءً.',
  );
  expect(text).not.toContain('@');
});

test('no account is ever mentioned, whatever the display name holds', () => {
  for (const name of ['@AlWahaAmana', '＠someone', 'x@y', 'visit evil.com now', 'https://t.co/abc']) {
    const text = renderReply({
      templates,
      kind: 'ack',
      category: 'waste',
      lang: 'en',
      vars: { name, ticket: 'AM-2611-0001', due },
      agency,
    });
    expect(text).not.toMatch(/[@＠]/);
    expect(text).not.toMatch(/https?:|evil\.com/);
  }
});

test('the citizen text is never echoed: only the known variables reach the reply', () => {
  const vars = { name: 'Sara', ticket: 'AM-2611-0002', due, text: 'SECRET complaint text' } as never;
  const text = renderReply({ templates, kind: 'ack', category: 'lighting', lang: 'en', vars, agency });
  expect(text).not.toContain('SECRET');
});

test('after hours uses the after-hours variant; urgent the urgent one', () => {
  const vars = { name: 'Sara', ticket: 'AM-2611-0003', due };
  const after = renderReply({
    templates,
    kind: 'ack',
    category: 'roads',
    lang: 'en',
    afterHours: true,
    vars,
    agency,
  });
  expect(after).toContain('outside working hours');
  const urgent = renderReply({
    templates,
    kind: 'ack',
    category: 'roads',
    lang: 'ar',
    urgent: true,
    vars,
    agency,
  });
  expect(urgent).toContain('العاجل');
  expect(urgent).toContain('911');
  // A category without an after-hours variant falls back to its acknowledgement.
  const praise = renderReply({
    templates,
    kind: 'ack',
    category: 'praise',
    lang: 'en',
    afterHours: true,
    vars,
    agency,
  });
  expect(praise).toContain('kind words');
});

test('an empty name leaves no stray comma or double space', () => {
  const text = renderReply({
    templates,
    kind: 'ack',
    category: 'roads',
    lang: 'ar',
    vars: { ticket: 'AM-2611-0004', due },
    agency,
  });
  expect(text.startsWith('أهلًا، شكرًا لتواصلكم.')).toBe(true);
  expect(text).not.toMatch(/ {2}| ،/);
  const en = renderReply({
    templates,
    kind: 'resolved',
    category: 'roads',
    lang: 'en',
    vars: { name: '  ', ticket: 'AM-2611-0004' },
    agency,
  });
  expect(en.startsWith('Hello, your report AM-2611-0004 (Roads and sidewalks) has been handled')).toBe(true);
});

test('resolved names the category from categories.yml, or its id when the name is unknown', () => {
  const vars = { name: 'سارة', ticket: 'AM-2611-0005' };
  const ar = renderReply({ templates, kind: 'resolved', category: 'roads', lang: 'ar', vars });
  expect(ar).toContain('بلاغكم رقم AM-2611-0005 (الطرق والأرصفة) قد عولج');
  const bare = renderReply({
    templates: { ...templates, categoryNames: {} },
    kind: 'resolved',
    category: 'roads',
    lang: 'en',
    vars,
  });
  expect(bare).toContain('AM-2611-0005 (roads) has been handled');
});

test('a name too long for the reply is shortened, never the limit broken', () => {
  // CJK letters weigh 2: 40 of them is an 80-weight name the templates were not sized for.
  const name = '漢'.repeat(50);
  const text = renderReply({
    templates,
    kind: 'ack',
    category: 'digital_services',
    lang: 'ar',
    vars: { name, ticket: 'ABCD-2612-123456', due },
    agency,
  });
  expect(weightedLength(text)).toBeLessThanOrEqual(280);
  expect(text).toContain('…');
  expect(text).toContain('ABCD-2612-123456');
});

test('cleanName caps at 40 letters and removes bidi controls', () => {
  expect([...cleanName('a'.repeat(80))]).toHaveLength(40);
  expect(cleanName('\u202Eabc\u202C')).toBe('abc');
});

test('inquiries find their answer by keyword, in either language and with Arabic prefixes', () => {
  expect(chooseAnswer(templates, 'متى الدوام عندكم؟', 'ar')).toBe('hours');
  expect(chooseAnswer(templates, 'وش ساعات العمل في البلدية', 'ar')).toBe('hours');
  expect(chooseAnswer(templates, 'ايش المستندات المطلوبة لرخصة البناء', 'ar')).toBe('documents');
  expect(chooseAnswer(templates, 'كيف أقدم على رخصة تجارية', 'ar')).toBe('apply');
  expect(chooseAnswer(templates, 'وين مقر الأمانة؟', 'ar')).toBe('locations');
  expect(chooseAnswer(templates, 'What are your opening times?', 'en')).toBe('hours');
  expect(chooseAnswer(templates, 'Where is your office?', 'en')).toBe('locations');
  expect(chooseAnswer(templates, 'هل يمكن تأجيل الموعد؟', 'ar')).toBeUndefined();
  const text = renderReply({
    templates,
    kind: 'answer',
    answer: 'hours',
    category: 'inquiry',
    lang: 'ar',
    vars: { name: 'نورة', ticket: 'AM-2611-0006' },
    agency,
  });
  expect(text).toContain('من الأحد إلى الخميس');
  expect(text).toContain('AM-2611-0006');
});

test('an unknown answer id is an error, not a silent generic reply', () => {
  expect(() =>
    renderReply({
      templates,
      kind: 'answer',
      answer: 'parking',
      category: 'inquiry',
      lang: 'ar',
      vars: { ticket: 'AM-2611-0007' },
    }),
  ).toThrow(/no answer 'parking'/);
});
