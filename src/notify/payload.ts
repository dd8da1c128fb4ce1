// What a notification says: one JSON body for webhooks (documented in docs/rules.md) and the
// e-mail built from the same facts. Pure.
import type { NotifyEvent } from '../store/notify-events';

export interface NotifyFacts {
  /** The delivery id: the same on every retry, so a receiver can drop a repeat. */
  id: string;
  event: NotifyEvent;
  /** Ticket reference (absent for channel-stopped). */
  ticket?: string;
  priority?: number;
  category?: string;
  categoryName?: { ar: string; en: string };
  status?: string;
  dueAt?: Date;
  /** The citizen's words, shortened. */
  excerpt?: string;
  detail?: string;
  /** The ticket in the console (or the console itself). */
  url: string;
  at: Date;
}

const TITLES: Record<NotifyEvent, { ar: string; en: string; icon: string }> = {
  urgent: { ar: 'بلاغ عاجل', en: 'Urgent ticket', icon: '🚨' },
  crisis: { ar: 'حالة حرجة (تهديد أو إيذاء للنفس)', en: 'Crisis (threat or self-harm)', icon: '🆘' },
  escalated: { ar: 'بلاغ مُصعَّد', en: 'Escalated ticket', icon: '⬆️' },
  'sla-breach': { ar: 'بلاغ تجاوز مهلة الخدمة', en: 'Ticket past its SLA', icon: '⏰' },
  'channel-stopped': { ar: 'توقّف مُجيب عن العمل على X', en: 'Mujib stopped working on X', icon: '⛔' },
};

export function title(f: NotifyFacts, lang: 'ar' | 'en'): string {
  const t = TITLES[f.event];
  return `${t[lang]}${f.ticket ? ` ${f.ticket}` : ''}`;
}

/** One line for chat tools (Slack and Teams show `text`). */
export function summaryLine(f: NotifyFacts): string {
  const t = TITLES[f.event];
  const cat = f.categoryName
    ? ` · ${f.categoryName.ar} / ${f.categoryName.en}`
    : f.category
      ? ` · ${f.category}`
      : '';
  const prio = f.priority ? ` · P${f.priority}` : '';
  return `${t.icon} ${t.ar} · ${t.en}${f.ticket ? ` ${f.ticket}` : ''}${prio}${cat}${f.detail ? ` — ${f.detail}` : ''} ${f.url}`;
}

/** The webhook body (JSON). */
export function webhookBody(f: NotifyFacts): Record<string, unknown> {
  return {
    id: f.id,
    event: f.event,
    ticket: f.ticket ?? null,
    priority: f.priority ?? null,
    category: f.category ?? null,
    categoryName: f.categoryName ?? null,
    status: f.status ?? null,
    dueAt: f.dueAt ? f.dueAt.toISOString() : null,
    excerpt: f.excerpt ?? null,
    detail: f.detail ?? null,
    url: f.url,
    at: f.at.toISOString(),
    title: { ar: title(f, 'ar'), en: title(f, 'en') },
    text: summaryLine(f),
  };
}

export function emailMessage(f: NotifyFacts): { subject: string; text: string } {
  const lines = [
    `${title(f, 'ar')}`,
    f.categoryName ? `التصنيف: ${f.categoryName.ar}` : '',
    f.priority ? `الأولوية: ${f.priority}` : '',
    f.excerpt ? `«${f.excerpt}»` : '',
    f.detail ? `التفاصيل: ${f.detail}` : '',
    f.url,
    '',
    `${title(f, 'en')}`,
    f.categoryName ? `Category: ${f.categoryName.en}` : f.category ? `Category: ${f.category}` : '',
    f.priority ? `Priority: ${f.priority}` : '',
    f.detail ? `Detail: ${f.detail}` : '',
    f.url,
    '',
    '— مُجيب · Mujib',
  ];
  return {
    subject: `[مُجيب] ${TITLES[f.event].ar} · ${TITLES[f.event].en}${f.ticket ? ` ${f.ticket}` : ''}`,
    text: lines.filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n'),
  };
}
