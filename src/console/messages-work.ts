// Console strings of the working-day features (issue 16): alerts, escalation, triage, the
// conversation and staff replies, finding work. Merged into i18n.ts's dictionary.
import type { UiLang } from './i18n';

export const WORK_MESSAGES = {
  escalated: { ar: 'مُصعَّد', en: 'Escalated' },
  alertsEnable: { ar: 'تفعيل التنبيهات', en: 'Turn on alerts' },
  alertsOn: { ar: 'التنبيهات مفعّلة', en: 'Alerts on' },
  alertsBlocked: {
    ar: 'المتصفح يمنع الإشعارات؛ سيظهر العدد في عنوان الصفحة مع صوت فقط.',
    en: 'The browser blocks notifications; the count in the tab title and the sound still work.',
  },
  event_urgent: { ar: 'بلاغ عاجل', en: 'Urgent ticket' },
  event_crisis: { ar: 'حالة حرجة', en: 'Crisis' },
  event_escalated: { ar: 'بلاغ مُصعَّد', en: 'Escalated ticket' },
  'event_sla-breach': { ar: 'تجاوز مهلة الخدمة', en: 'Past its SLA' },
  'event_channel-stopped': { ar: 'توقّف مُجيب عن العمل على X', en: 'Mujib stopped working on X' },

  // triage
  triage: { ar: 'إعادة التصنيف', en: 'Triage' },
  triageIntro: {
    ar: 'صحّح التصنيف أو الأولوية أو الاستعجال، واذكر السبب. يُسجَّل التغيير في السجل.',
    en: 'Correct the category, priority or urgency, with a reason. The change is recorded in the history.',
  },
  urgency: { ar: 'الاستعجال', en: 'Urgency' },
  urgentYes: { ar: 'عاجل', en: 'urgent' },
  urgentNo: { ar: 'غير عاجل', en: 'not urgent' },
  reason: { ar: 'السبب', en: 'Reason' },
  saveTriage: { ar: 'حفظ التصنيف', en: 'Save' },
  done_release: { ar: 'أُعيد البلاغ {ref} إلى القائمة.', en: '{ref} is back in the queue.' },
  release: { ar: 'إعادة إلى القائمة', en: 'Release' },
  done_triage: { ar: 'عُدّل تصنيف البلاغ {ref}.', en: '{ref} is re-triaged.' },
  needsTriage: { ar: 'يحتاج فرزًا', en: 'Needs triage' },
  refuse_no_change: { ar: 'لم يتغيّر شيء في البلاغ {ref}.', en: 'Nothing changed on {ref}.' },
  refuse_reason_needed: { ar: 'اذكر سبب التغيير.', en: 'Give a reason for the change.' },
  refuse_unknown_category: { ar: 'تصنيف غير معروف.', en: 'Unknown category.' },

  // conversation and staff replies
  conversation: { ar: 'المحادثة مع المواطن', en: 'Conversation with the citizen' },
  fromCitizen: { ar: 'المواطن', en: 'Citizen' },
  fromBot: { ar: 'رد مُجيب الآلي', en: 'Mujib (bot) reply' },
  fromStaff: { ar: 'رد الموظف {who}', en: 'Reply by {who}' },
  reply_planned: { ar: 'بانتظار الإرسال', en: 'waiting to be posted' },
  reply_posted: { ar: 'أُرسل', en: 'posted' },
  reply_failed: { ar: 'رفضته X', en: 'refused by X' },
  reply_stale: { ar: 'لم يُرسل (متأخر)', en: 'not posted (too late)' },
  replyKind_ack: { ar: 'إقرار بالاستلام', en: 'acknowledgement' },
  replyKind_answer: { ar: 'إجابة', en: 'answer' },
  replyKind_resolved: { ar: 'رد الإغلاق', en: 'resolved reply' },
  replyKind_staff: { ar: 'رد موظف', en: 'staff reply' },
  staffReply: { ar: 'رد علني للمواطن على X', en: 'Public reply to the citizen on X' },
  staffReplyHint: {
    ar: 'يُنشر هذا النص علنًا على X ردًا على تغريدة المواطن، مرة واحدة فقط.',
    en: 'This text is posted publicly on X as a reply to the citizen, once.',
  },
  replyLang: { ar: 'لغة الرد', en: 'Reply language' },
  template: { ar: 'ابدأ من قالب', en: 'Start from a template' },
  noTemplate: { ar: '— بدون قالب —', en: '— no template —' },
  sendReply: { ar: 'إرسال الرد', en: 'Send reply' },
  lengthCounter: { ar: '{n} من 280', en: '{n} of 280' },
  done_reply: { ar: 'سيُرسل ردك على البلاغ {ref}.', en: 'Your reply on {ref} will be posted.' },
  replyAlreadySent: { ar: 'هذا الرد مجدول من قبل.', en: 'This reply was already queued.' },
  refuse_reply_empty: { ar: 'نص الرد فارغ.', en: 'The reply is empty.' },
  refuse_reply_too_long: {
    ar: 'الرد أطول من المسموح في X ({n} من 280).',
    en: 'The reply is longer than X allows ({n} of 280).',
  },
  refuse_reply_link: {
    ar: 'لا تُرسل روابط أو حسابات أخرى في الرد.',
    en: 'Replies carry no links or other accounts’ handles.',
  },
  internalNote: { ar: 'ملاحظة داخلية — لا يراها المواطن', en: 'Internal note — the citizen never sees it' },
  internal: { ar: 'داخلي', en: 'Internal' },
  leaseEnding: {
    ar: 'ينتهي استلامك لهذا البلاغ خلال {minutes} دقيقة، وبعدها يمكن لغيرك أخذه.',
    en: 'Your claim on this ticket ends in {minutes} min; after that anyone may take it.',
  },
  renewClaim: { ar: 'تمديد الاستلام', en: 'Renew claim' },
  resolveHeldByOther: {
    ar: 'يعالجه {who}؛ الإغلاق له وحده حتى {until}.',
    en: '{who} holds it; only they can resolve it until {until}.',
  },
} satisfies Record<string, Record<UiLang, string>>;
