// Every string of the console in both languages, in one place. Arabic is the default; the
// type makes a missing translation a compile error.
import { WORK_MESSAGES } from './messages-work';
import type { UiLang } from './ui-lang';

const dict = {
  appName: { ar: 'مُجيب — لوحة الموظفين', en: 'Mujib — staff console' },
  brand: { ar: 'مُجيب', en: 'Mujib' },
  otherLang: { ar: 'English', en: 'العربية' },
  navQueue: { ar: 'قائمة البلاغات', en: 'Queue' },
  navPlayground: { ar: 'تجربة القواعد', en: 'Rules playground' },
  navDashboard: { ar: 'لوحة المؤشرات', en: 'Dashboard' },
  signedInAs: { ar: 'مسجّل الدخول باسم', en: 'Signed in as' },
  signOut: { ar: 'تسجيل الخروج', en: 'Sign out' },
  skipToContent: { ar: 'انتقل إلى المحتوى', en: 'Skip to content' },
  rulesInvalidTitle: {
    ar: 'ملفات القواعد فيها أخطاء، والبوت يعمل بآخر قواعد سليمة.',
    en: 'The rules files have errors; the bot is running on the last good rules.',
  },
  rulesInvalidSince: {
    ar: 'منذ {since}. صحّح ما يلي ثم احفظ الملف:',
    en: 'Since {since}. Fix the following and save the file:',
  },

  // sign-in
  signInTitle: { ar: 'تسجيل دخول الموظفين', en: 'Staff sign-in' },
  signInIntro: {
    ar: 'هذه اللوحة لموظفي الأمانة فقط. يُسجَّل كل إجراء باسمك.',
    en: 'This console is for agency staff only. Every action is recorded under your name.',
  },
  name: { ar: 'الاسم', en: 'Name' },
  password: { ar: 'كلمة المرور', en: 'Password' },
  signIn: { ar: 'دخول', en: 'Sign in' },
  badCredentials: { ar: 'الاسم أو كلمة المرور غير صحيحة.', en: 'Wrong name or password.' },
  tooManyTries: {
    ar: 'محاولات فاشلة كثيرة. حاول مرة أخرى بعد {minutes} دقيقة.',
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
  },
  signedOut: { ar: 'تم تسجيل خروجك.', en: 'You are signed out.' },
  sessionEnded: { ar: 'انتهت الجلسة، سجّل الدخول مرة أخرى.', en: 'Your session ended; please sign in again.' },
  formExpired: {
    ar: 'انتهت صلاحية النموذج. أعد تحميل الصفحة وحاول مرة أخرى.',
    en: 'The form expired. Reload the page and try again.',
  },

  // queue
  queueTitle: { ar: 'قائمة البلاغات', en: 'Escalation queue' },
  filters: { ar: 'التصفية', en: 'Filters' },
  status: { ar: 'الحالة', en: 'Status' },
  category: { ar: 'التصنيف', en: 'Category' },
  priority: { ar: 'الأولوية', en: 'Priority' },
  overdueOnly: { ar: 'المتأخرة فقط', en: 'Overdue only' },
  any: { ar: 'الكل', en: 'Any' },
  apply: { ar: 'تطبيق', en: 'Apply' },
  clear: { ar: 'مسح', en: 'Clear' },
  statusOpen: { ar: 'مفتوح', en: 'Open' },
  statusClaimed: { ar: 'قيد المعالجة', en: 'Claimed' },
  statusResolved: { ar: 'مغلق', en: 'Resolved' },
  statusActive: { ar: 'مفتوح أو قيد المعالجة', en: 'Open or claimed' },
  priority1: { ar: '1 — قصوى', en: '1 — top' },
  priority2: { ar: '2 — عالية', en: '2 — high' },
  priority3: { ar: '3 — عادية', en: '3 — normal' },
  priority4: { ar: '4 — منخفضة', en: '4 — low' },
  countsByCategory: { ar: 'العدد حسب التصنيف', en: 'Count by category' },
  noTickets: { ar: 'لا توجد بلاغات بهذه التصفية.', en: 'No tickets match these filters.' },
  showing: { ar: 'عرض {n}', en: 'Showing {n}' },
  liveUpdates: { ar: 'تتحدّث القائمة تلقائيًا', en: 'The list updates by itself' },
  updatedBanner: {
    ar: 'تغيّر هذا البلاغ للتو — تم تحديث العرض.',
    en: 'This ticket just changed — the view is updated.',
  },
  updatedKeepTyping: {
    ar: 'تغيّر هذا البلاغ. أعد تحميل الصفحة بعد إنهاء ما تكتبه.',
    en: 'This ticket changed. Reload the page when you finish typing.',
  },
  urgent: { ar: 'عاجل', en: 'Urgent' },
  overdue: { ar: 'متأخر', en: 'Overdue' },
  reopenedBadge: { ar: 'أُعيد فتحه', en: 'Reopened' },
  breached: { ar: 'تجاوز مهلة الخدمة', en: 'SLA breached' },
  due: { ar: 'الموعد', en: 'Due' },
  claimedBy: { ar: 'يعالجه', en: 'Claimed by' },
  leaseUntil: { ar: 'محجوز حتى', en: 'Held until' },
  citizenTweet: { ar: 'تغريدة المواطن', en: "Citizen's tweet" },
  openOnX: { ar: 'فتح في X', en: 'Open on X' },
  tweetMissing: { ar: '(نص التغريدة غير متوفر)', en: '(tweet text not available)' },
  attachment: { ar: 'مرفق', en: 'Attachment' },
  place: { ar: 'المكان', en: 'Place' },
  received: { ar: 'وصلت', en: 'Received' },
  why: { ar: 'سبب التصنيف', en: 'Why' },
  whyRule: { ar: 'قاعدة «{rule}»', en: 'rule “{rule}”' },
  whyModel: { ar: 'النموذج بثقة {p}', en: 'model, confidence {p}' },
  whyFallback: {
    ar: 'لم يثق النظام بأي تصنيف ({p}) — يحتاج فرزًا',
    en: 'nothing confident ({p}) — needs triage',
  },
  whyUnknown: { ar: 'غير معروف', en: 'unknown' },
  urgentTerm: { ar: 'كلمة عاجلة: {term}', en: 'urgent term: {term}' },
  details: { ar: 'التفاصيل', en: 'Details' },
  history: { ar: 'السجل', en: 'History' },
  notes: { ar: 'الملاحظات', en: 'Notes' },
  noNotes: { ar: 'لا توجد ملاحظات.', en: 'No notes yet.' },
  followUps: { ar: 'ردود المواطن اللاحقة', en: 'Follow-ups from the citizen' },
  actions: { ar: 'الإجراءات', en: 'Actions' },
  claim: { ar: 'استلام', en: 'Claim' },
  addNote: { ar: 'إضافة ملاحظة', en: 'Add note' },
  noteLabel: { ar: 'ملاحظة داخلية', en: 'Internal note' },
  resolve: { ar: 'إغلاق البلاغ', en: 'Resolve' },
  resolveNote: { ar: 'ملاحظة الإغلاق (اختيارية)', en: 'Resolution note (optional)' },
  replyToCitizen: { ar: 'إرسال رد للمواطن بإغلاق البلاغ', en: 'Reply to the citizen that it is resolved' },
  reopen: { ar: 'إعادة فتح', en: 'Reopen' },
  backToQueue: { ar: 'العودة إلى القائمة', en: 'Back to the queue' },
  ticketNotFound: { ar: 'لا يوجد بلاغ بهذا الرقم.', en: 'No ticket with this reference.' },
  done_claim: { ar: 'استلمت البلاغ {ref}.', en: 'You claimed {ref}.' },
  done_note: { ar: 'أُضيفت الملاحظة إلى {ref}.', en: 'Note added to {ref}.' },
  done_resolve: { ar: 'أُغلق البلاغ {ref}.', en: '{ref} is resolved.' },
  done_reopen: { ar: 'أُعيد فتح البلاغ {ref}.', en: '{ref} is open again.' },
  replyQueued: { ar: 'وسيُرسل رد الإغلاق للمواطن.', en: 'The resolved reply will be posted to the citizen.' },
  replyAlreadyQueued: { ar: 'رد الإغلاق كان مجدولًا من قبل.', en: 'A resolved reply was already queued.' },
  replyNeedsRules: {
    ar: 'لا يمكن الرد دون قوالب الردود (القواعد غير محمّلة)؛ لم يتغيّر شيء.',
    en: 'cannot reply without the reply templates (no rules loaded); nothing changed.',
  },
  refused: { ar: 'تعذّر تنفيذ الإجراء: {reason}', en: 'Not done: {reason}' },
  queueUnavailable: {
    ar: 'وظائف القائمة غير متاحة في هذا الإصدار.',
    en: 'Queue actions are not available in this build.',
  },
  botName: { ar: 'مُجيب (آلي)', en: 'Mujib (bot)' },
  by: { ar: 'بواسطة', en: 'by' },
  at: { ar: 'في', en: 'at' },

  // playground
  playgroundTitle: { ar: 'تجربة القواعد', en: 'Rules playground' },
  playgroundIntro: {
    ar: 'الصق تغريدة لترى كيف سيصنّفها مُجيب ولماذا، والرد الذي سيرسله. لا يُحفظ ولا يُرسل شيء.',
    en: 'Paste a tweet to see how Mujib would classify it and why, and the reply it would send. Nothing is saved or sent.',
  },
  tweetText: { ar: 'نص التغريدة', en: 'Tweet text' },
  explain: { ar: 'اشرح القرار', en: 'Explain' },
  rulesNotLoaded: { ar: 'القواعد غير محمّلة في هذه اللوحة.', en: 'No rules are loaded in this console.' },
  decision: { ar: 'القرار', en: 'Decision' },
  source: { ar: 'المصدر', en: 'Source' },
  sourceRule: { ar: 'قاعدة', en: 'rule' },
  sourceModel: { ar: 'النموذج', en: 'model' },
  sourceFallback: { ar: 'احتياطي (فرز يدوي)', en: 'fallback (manual triage)' },
  confidence: { ar: 'الثقة', en: 'Confidence' },
  language: { ar: 'اللغة', en: 'Language' },
  tokens: { ar: 'الكلمات بعد التطبيع', en: 'Normalised tokens' },
  stems: { ar: 'أصول الكلمات', en: 'Word roots' },
  matchingRules: { ar: 'القواعد المطابقة', en: 'Matching rules' },
  urgentSignals: { ar: 'مؤشرات الاستعجال', en: 'Urgent signals' },
  none: { ar: 'لا شيء', en: 'none' },
  modelTop3: { ar: 'أعلى 3 توقعات للنموذج', en: "Model's top 3" },
  action: { ar: 'الإجراء', en: 'Action' },
  actionAcknowledge: { ar: 'إقرار باستلام البلاغ', en: 'acknowledge' },
  actionAnswer: { ar: 'رد بإجابة جاهزة', en: 'answer' },
  actionIgnore: { ar: 'تجاهل', en: 'ignore' },
  escalate: { ar: 'تصعيد', en: 'Escalate' },
  yes: { ar: 'نعم', en: 'yes' },
  no: { ar: 'لا', en: 'no' },
  replyPreview: { ar: 'الرد الذي سيُرسل', en: 'Reply that would be sent' },
  noReply: { ar: 'لن يُرسل رد (تجاهل).', en: 'No reply would be sent (ignored).' },
  weightedLength: { ar: 'الطول المحتسب: {n} من {max}', en: 'Weighted length: {n} of {max}' },
  exampleRef: {
    ar: 'رقم البلاغ في المعاينة مثال فقط.',
    en: 'The ticket reference in the preview is an example.',
  },
  runTests: { ar: 'تشغيل اختبارات القواعد (tests.yml)', en: 'Run the rule tests (tests.yml)' },
  testsPassed: { ar: 'نجحت {passed} من {total} حالة.', en: '{passed} of {total} cases pass.' },
  testsFailed: { ar: 'فشلت {failed} من {total} حالة:', en: '{failed} of {total} cases fail:' },
  expected: { ar: 'المتوقع', en: 'Expected' },
  got: { ar: 'الناتج', en: 'Got' },
  location: { ar: 'الموقع', en: 'Where' },

  // dashboard
  dashboardTitle: { ar: 'لوحة المؤشرات — اليوم', en: 'Dashboard — today' },
  todayIn: { ar: 'اليوم {date} (بتوقيت {zone})', en: 'Today {date} ({zone} time)' },
  ticketsToday: { ar: 'بلاغات اليوم', en: 'Tickets today' },
  openNow: { ar: 'مفتوحة الآن', en: 'Open now' },
  breachesNow: { ar: 'تجاوزت المهلة (غير مغلقة)', en: 'Past SLA (not resolved)' },
  medianAck: { ar: 'زمن الرد الأول المعتاد', en: 'Typical time to first reply' },
  medianResolve: { ar: 'زمن الإغلاق المعتاد', en: 'Typical time to resolve' },
  byCategory: { ar: 'البلاغات حسب التصنيف', en: 'Tickets by category' },
  byHour: { ar: 'البلاغات حسب الساعة', en: 'Tickets by hour' },
  breachesByCategory: { ar: 'تجاوزات المهلة حسب التصنيف', en: 'SLA breaches by category' },
  ackDistribution: { ar: 'زمن الإقرار (ردود اليوم)', en: 'Time to acknowledge (replies today)' },
  resolveDistribution: { ar: 'زمن الإغلاق (بلاغات أُغلقت اليوم)', en: 'Time to resolve (closed today)' },
  noData: { ar: 'لا توجد بيانات بعد.', en: 'No data yet.' },
  sampleOf: { ar: 'من {n}', en: 'of {n}' },
  minutesShort: { ar: '{n} د', en: '{n} min' },
  hoursShort: { ar: '{n} س', en: '{n} h' },
  secondsShort: { ar: '{n} ث', en: '{n} s' },
  lessThan: { ar: 'أقل من {d}', en: 'under {d}' },
  atLeast: { ar: '{d} فأكثر', en: '{d} or more' },
  daysShort: { ar: '{n} يوم', en: '{n} d' },

  // queue refusals (QueueError codes); English shows the queue's own message, as the CLI does
  refuse_not_found: { ar: 'لا يوجد بلاغ {ref}.', en: 'No ticket {ref}.' },
  refuse_held_by_other: {
    ar: 'البلاغ {ref} يعالجه {who} حتى {until}.',
    en: '{ref} is claimed by {who} until {until}.',
  },
  refuse_already_resolved: { ar: 'البلاغ {ref} مغلق؛ أعد فتحه أولًا.', en: '{ref} is already resolved.' },
  refuse_not_resolved: { ar: 'البلاغ {ref} ليس مغلقًا، فلا حاجة لإعادة فتحه.', en: '{ref} is not resolved.' },
  refuse_not_claimed: { ar: 'البلاغ {ref} غير مستلم.', en: '{ref} is not claimed.' },
  refuse_invalid: { ar: 'الطلب غير مكتمل: {detail}', en: '{detail}' },
  refuse_empty_note: { ar: 'الملاحظة فارغة.', en: 'The note is empty.' },
  refuse_conflict: { ar: 'البلاغ {ref} يتغيّر الآن؛ حاول مرة أخرى.', en: '{ref} keeps changing; try again.' },

  // errors
  notFound: { ar: 'الصفحة غير موجودة.', en: 'Page not found.' },
  serverError: { ar: 'حدث خطأ غير متوقع. حاول مرة أخرى.', en: 'Something went wrong. Please try again.' },
  badRequest: { ar: 'طلب غير صالح.', en: 'Bad request.' },
} satisfies Record<string, Record<UiLang, string>>;

// The working-day features' strings live in their own file (messages-work.ts).
const all = { ...dict, ...WORK_MESSAGES };

export type MsgKey = keyof typeof all;

/** The string for `key` with {placeholders} filled. */
export function t(lang: UiLang, key: MsgKey, vars: Record<string, string | number> = {}): string {
  return all[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export type Translate = (key: MsgKey, vars?: Record<string, string | number>) => string;
export const translator =
  (lang: UiLang): Translate =>
  (key, vars) =>
    t(lang, key, vars);

// Ticket history actions as the queue and the pipeline write them; unknown ones show as written.
const HISTORY_ACTIONS: Record<string, Record<UiLang, string>> = {
  opened: { ar: 'فُتح البلاغ', en: 'opened' },
  created: { ar: 'أُنشئ البلاغ', en: 'created' },
  acknowledged: { ar: 'أُرسل الإقرار', en: 'acknowledged' },
  escalated: { ar: 'صُعّد', en: 'escalated' },
  claimed: { ar: 'استُلم', en: 'claimed' },
  claim: { ar: 'استُلم', en: 'claimed' },
  released: { ar: 'أُفرج عنه', en: 'released' },
  lease_expired: { ar: 'انتهى الحجز', en: 'hold expired' },
  note: { ar: 'ملاحظة', en: 'note' },
  noted: { ar: 'أُضيفت ملاحظة', en: 'note added' },
  resolved: { ar: 'أُغلق', en: 'resolved' },
  resolve: { ar: 'أُغلق', en: 'resolved' },
  reopened: { ar: 'أُعيد فتحه', en: 'reopened' },
  reopen: { ar: 'أُعيد فتحه', en: 'reopened' },
  breached: { ar: 'تجاوز المهلة', en: 'SLA breached' },
  reprioritised: { ar: 'تغيّرت الأولوية', en: 'reprioritised' },
  follow_up: { ar: 'رد لاحق من المواطن', en: 'citizen follow-up' },
  followup: { ar: 'رد لاحق من المواطن', en: 'citizen follow-up' },
  replied: { ar: 'أُرسل رد', en: 'replied' },
  'follow-up': { ar: 'رد لاحق من المواطن', en: 'citizen follow-up' },
  'sla-breached': { ar: 'تجاوز مهلة الخدمة', en: 'SLA breached' },
  'reply-stale': { ar: 'لم يُرسل الإقرار في وقته', en: 'acknowledgement too late' },
  'thread-reply': { ar: 'رد في المحادثة', en: 'reply in the thread' },
  'deleted-on-x': { ar: 'حُذفت التغريدة من X', en: 'tweet deleted on X' },
  redacted: { ar: 'حُجب النص', en: 'text removed' },
  triaged: { ar: 'أُعيد تصنيفه', en: 're-triaged' },
  assigned: { ar: 'أُسند', en: 'assigned' },
};

export function historyActionLabel(lang: UiLang, action: string): string {
  return HISTORY_ACTIONS[action]?.[lang] ?? action;
}
