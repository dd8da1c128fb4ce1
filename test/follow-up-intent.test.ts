// What a reply in a ticket's thread wants (src/followup/intent.ts) and what the bot does
// about it (src/followup/plan.ts): pure, with the shipped rules/followups.yml. The sentences
// are written for this test (Saudi dialect, MSA, English), not taken from the examples.
import { followUpIntent } from '../src/followup/intent';
import { planThreadReply, threadReplyAllowed } from '../src/followup/plan';
import { loadFollowUps } from '../src/pack/followups';
import { RuleFileError } from '../src/rules/agency';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const v = loadFollowUps('rules');
const intentOf = (t: string) => followUpIntent(t, v).intent;

test.each([
  ['ما تصلحت للحين', 'notFixed'],
  ['والله ما أحد صلحها', 'notFixed'],
  ['نفس المشكلة موجودة', 'notFixed'],
  ['لم يتم إصلاح العطل حتى الآن', 'notFixed'],
  ['رجعت تطفح من جديد', 'notFixed'],
  ['it is still leaking', 'notFixed'],
  ["hasn't been fixed at all", 'notFixed'],
  ['nobody came, the light is off again', 'notFixed'],
  ['وش صار على طلبي؟', 'status'],
  ['وين وصلتوا؟', 'status'],
  ['متى تخلصونها؟', 'status'],
  ['هل من جديد بخصوص البلاغ', 'status'],
  ['any news on my report?', 'status'],
  ['When will it be fixed?', 'status'],
  ['الله يعطيكم العافية', 'thanks'],
  ['مشكورين ما قصرتوا', 'thanks'],
  ['thank you so much', 'thanks'],
  ['Great, it is fixed now, thanks!', 'thanks'],
  ['👍🙏', 'thanks'],
  ['أرفقت لكم صورة الموقع من قريب', 'other'],
  ['شكرا بس فيه حفرة ثانية قدام المسجد في شارعنا', 'other'],
  ['The hole is about two metres wide and next to the bus stop', 'other'],
])('%s → %s', (text, intent) => {
  expect(intentOf(text)).toBe(intent);
});

test('what matched is said, for the ticket history', () => {
  expect(followUpIntent('ما انصلحت', v).because).toMatch(/negation 'ما'/);
  expect(followUpIntent('any update?', v).because).toMatch(/any update/);
});

const policy = { statusReplyEveryHours: 12, acknowledgeNewInfo: true };
const plan = (intent: Parameters<typeof planThreadReply>[0]['intent'], status: string, extra = {}) =>
  planThreadReply({ intent, urgent: false, ticket: { status, urgent: false }, policy, ...extra }).do;

test('the plan by ticket state and intent', () => {
  expect(plan('notFixed', 'resolved')).toBe('reopen');
  expect(plan('notFixed', 'open')).toBe('status');
  expect(plan('status', 'claimed')).toBe('status');
  expect(plan('status', 'resolved')).toBe('status');
  expect(plan('thanks', 'resolved')).toBe('silent');
  expect(plan('thanks', 'open')).toBe('silent');
  expect(plan('other', 'open')).toBe('update');
  expect(plan('other', 'resolved')).toBe('newComplaint');
  expect(plan('other', 'open', { policy: { ...policy, acknowledgeNewInfo: false } })).toBe('silent');
  expect(plan('status', 'open', { policy: { ...policy, statusReplyEveryHours: 0 } })).toBe('silent');
  // A danger escalates, whatever the words; not again on a ticket already urgent and open.
  expect(plan('thanks', 'open', { urgent: true })).toBe('escalate');
  expect(plan('status', 'open', { urgent: true, ticket: { status: 'open', urgent: true } })).toBe('status');
  expect(plan('other', 'resolved', { urgent: true, ticket: { status: 'resolved', urgent: true } })).toBe(
    'escalate',
  );
  // A retry after a crash repeats what this tweet already did.
  expect(plan('status', 'open', { doneByThisTweet: 'reopened' })).toBe('reopen');
});

test('at most one thread reply per window; the same tweet may retry its own', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const at = new Date('2026-12-01T06:00:00Z');
  expect(threadReplyAllowed(undefined, 't2', now, 12)).toBe(true);
  expect(threadReplyAllowed({ at, tweetId: 't1' }, 't2', now, 12)).toBe(false);
  expect(threadReplyAllowed({ at, tweetId: 't2' }, 't2', now, 12)).toBe(true);
  expect(threadReplyAllowed({ at, tweetId: 't1' }, 't2', now, 6)).toBe(true);
});

test('an entry with no word in it is refused at its line and column', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-followups-'));
  fs.writeFileSync(path.join(dir, 'followups.yml'), 'status:\n  phrases:\n    ar: ["وش صار", "!!"]\n');
  try {
    loadFollowUps(dir);
    throw new Error('loaded');
  } catch (e) {
    expect(e).toBeInstanceOf(RuleFileError);
    expect((e as RuleFileError).problems.map((p) => `${p.line}:${p.col}`)).toEqual(['3:20']);
  }
});
