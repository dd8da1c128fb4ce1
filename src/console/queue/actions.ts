// Staff actions from the console go through the queue's own functions (src/queue), so the
// console and `mujib queue …` obey one set of rules; each is recorded under the staff name.
// Refusals come back as QueueError and are shown in the UI language.
import {
  assign,
  claim,
  note,
  planResolvedReply,
  planStaffReply,
  QueueError,
  release,
  reopen,
  resolve,
  triage,
} from '../../queue';
import type { Policy } from '../../policy/policy';
import type { Store } from '../../store/store';
import { ticketHolder } from '../../store/console-tickets';
import { formatDateTime } from '../format';
import type { Translate } from '../i18n';
import type { UiLang } from '../ui-lang';

export const ACTIONS = [
  'claim',
  'note',
  'resolve',
  'reopen',
  'release',
  'triage',
  'reply',
  'assign',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionInput {
  as: string;
  text?: string;
  note?: string;
  reply?: boolean;
  /** triage */
  category?: string;
  priority?: number;
  urgent?: boolean;
  reason?: string;
  categories?: readonly string[];
  /** reply: the id drawn into the form, so a second submit is the same reply */
  actionId?: string;
  /** assign: the colleague who takes it */
  to?: string;
}

export interface ActionResult {
  /** For resolve with a reply: whether the 'resolved' reply went into the outbox now. */
  replyPlanned?: boolean;
}

/** Refused before anything changes: a reply was asked for but no rules (templates) are loaded. */
export class NoTemplatesError extends Error {}

export async function runAction(
  store: Store,
  action: Action,
  ref: string,
  input: ActionInput,
  policy?: Pick<Policy, 'templates' | 'agency'>,
): Promise<ActionResult> {
  switch (action) {
    case 'claim':
      await claim(store, ref, { as: input.as });
      return {};
    case 'note':
      await note(store, ref, { as: input.as, text: input.text ?? '' });
      return {};
    case 'resolve': {
      if (input.reply && !policy) throw new NoTemplatesError('no reply templates loaded');
      const t = await resolve(store, ref, {
        as: input.as,
        ...(input.note?.trim() ? { note: input.note } : {}),
      });
      // As `mujib queue resolve --reply`: the bot's poster sends it, at most once per ticket.
      if (!input.reply || !policy) return {};
      const r = await planResolvedReply(store, t, {
        templates: policy.templates,
        agency: policy.agency,
      });
      return { replyPlanned: r.planned };
    }
    case 'reopen':
      await reopen(store, ref, { as: input.as });
      return {};
    case 'assign':
      await assign(store, ref, { as: input.as, to: input.to ?? '' });
      return {};
    case 'release':
      await release(store, ref, { as: input.as });
      return {};
    case 'triage':
      await triage(store, ref, {
        as: input.as,
        reason: input.reason ?? '',
        ...(input.category ? { category: input.category } : {}),
        ...(input.priority ? { priority: input.priority } : {}),
        ...(input.urgent !== undefined ? { urgent: input.urgent } : {}),
        ...(input.categories?.length ? { categories: input.categories } : {}),
        ...(policy ? { agency: policy.agency } : {}),
      });
      return {};
    case 'reply': {
      const r = await planStaffReply(store, ref, {
        as: input.as,
        text: input.text ?? '',
        actionId: input.actionId ?? '',
      });
      return { replyPlanned: r.planned };
    }
  }
}

/** The refusal in the UI language. English keeps the queue's own words (as the CLI prints). */
export async function refusalText(
  store: Store,
  e: QueueError,
  ref: string,
  lang: UiLang,
  t: Translate,
  timeZone: string,
): Promise<string> {
  if (lang === 'en') return t('refused', { reason: e.message });
  let reason: string;
  switch (e.code) {
    case 'held_by_other': {
      const doc = await ticketHolder(store, ref);
      reason = t('refuse_held_by_other', {
        ref,
        who: doc?.claimedBy ?? '?',
        until: formatDateTime(lang, doc?.leaseUntil ?? undefined, timeZone),
      });
      break;
    }
    case 'invalid':
      reason = invalidText(e.message, ref, t);
      break;
    case 'not_found':
    case 'already_resolved':
    case 'not_resolved':
    case 'not_claimed':
    case 'conflict':
      reason = t(`refuse_${e.code}`, { ref });
      break;
    default:
      reason = e.message;
  }
  return t('refused', { reason });
}

export { QueueError };

/** The queue's "invalid" refusals in staff words. */
function invalidText(message: string, ref: string, t: Translate): string {
  if (/note is empty/.test(message)) return t('refuse_empty_note');
  if (/give a reason/.test(message)) return t('refuse_reason_needed');
  if (/nothing to change/.test(message)) return t('refuse_no_change', { ref });
  if (/unknown category/.test(message)) return t('refuse_unknown_category');
  if (/reply is empty/.test(message)) return t('refuse_reply_empty');
  if (/links or other/.test(message)) return t('refuse_reply_link');
  const long = /too long for X \((\d+)/.exec(message);
  if (long) return t('refuse_reply_too_long', { n: long[1]! });
  return t('refuse_invalid', { detail: message });
}
