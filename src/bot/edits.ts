// An edited post is the same complaint. X gives the edit a new post id whose
// edit_history_tweet_ids lists the original first; the mentions timeline then shows only the
// newest version. The edit is bound to the ticket of the version we saw before (one ticket,
// one acknowledgement, ever), its text recorded on that ticket, and urgency re-checked:
// if the edit made it urgent, the existing ticket is escalated instead of opening another.
//
// Crash-safe like openTicket: the edit → ticket binding is a unique insert in `state` (the
// same key openTicket reads, so nothing can open a second ticket for the edit afterwards), and
// every ticket change is idempotent (mutateTicket, decided from the ticket's own state).
import type { BotContext } from './context';
import type { StoredMention } from '../store/mention-record';
import {
  bindMentionToTicket,
  boundTicket,
  markMentionAttached,
  mentionStatus,
  mentionTicket,
  newerVersionOf,
  openingMentionOf,
  recordEditedInto,
} from '../store/edits';
import { raisePlannedReplies } from '../store/reply-plans';
import { attachFollowUp } from '../queue';
import { escalateForDanger } from '../queue/follow-ups';
import { decide } from '../decide';
import { textToClassify } from './mention-fields';
import { count } from '../health/state';

type Mention = StoredMention;

/**
 * 'bound': handled here (attached to the earlier version's ticket); 'wait': the earlier
 * version is stored but not processed yet, try again next tick; 'new': no earlier version
 * has a ticket, so the edit is processed as a complaint of its own.
 */
export async function handleEdit(ctx: BotContext, m: Mention): Promise<'bound' | 'wait' | 'new'> {
  const earlier = earlierVersions(m);
  if (!earlier.length) return olderVersion(ctx, m);
  // Remembered by _id for each earlier version, in case one of them is listed after this one.
  await recordEditedInto(ctx.store, earlier, m._id);
  const own = await boundTicket(ctx.store, m._id);
  let ref = own ?? (await ticketOfEarlier(ctx, earlier));
  if (!ref) {
    // Urgent-first may reach the edit before its original, in the same batch.
    // (Looked up by _id one at a time: FerretDB v1 scans for anything but a plain _id filter.)
    for (const id of earlier) if ((await mentionStatus(ctx.store, id)) === 'new') return 'wait';
    return 'new';
  }
  if (!own) ref = await bindMentionToTicket(ctx.store, m._id, ref);

  const decision = ctx.classifier().classify(textToClassify(m));
  const now = ctx.now();
  await attachFollowUp(ctx.store, ref, {
    tweetId: m._id,
    text: m.text ?? '',
    at: m.tweetCreatedAt ?? now,
    reason: `edit of ${m.editOf}`,
  });
  if (decision.urgent) {
    const policy = ctx.policy();
    const plan = decide(decision, {
      agency: policy.agency,
      escalation: policy.escalation,
      now,
      recentTicketsByAuthor: 0,
    });
    const why = decision.urgentTerm ? ` ('${decision.urgentTerm}')` : '';
    const { raised } = await escalateForDanger(ctx.store, ref, {
      tweetId: m._id,
      reason: `the citizen's edit made it urgent${why}`,
      ...(plan.dueAt ? { dueAt: plan.dueAt } : {}),
      now,
      // The edit path: the plan's priority (never lowered), no reopen, its own wording.
      reopen: false,
      priority: plan.priority,
      history: `the citizen's edit ${m._id} made it urgent${why}`,
      notice: `the citizen's edit made it urgent${why}`,
    });
    // An acknowledgement still waiting to go out now goes out first.
    await raisePlannedReplies(ctx.store, earlier);
    if (raised) ctx.log.warn(`Edit ${m._id} of ${m.editOf} made ${ref} urgent${why}; escalated`);
  }
  await markMentionAttached(ctx.store, m._id, {
    classification: { ...decision, attachedAs: 'edit' },
    ticketRef: ref,
    processedAt: now,
  });
  count(ctx.health, 'mentions_edits');
  ctx.log.info(`Mention ${m._id} is an edit of ${m.editOf}: attached to ${ref}, no new acknowledgement`);
  return 'bound';
}

/**
 * An earlier version that arrives after its edit (X lists the newest version, but a timeline
 * page can still carry both): when the edit already has a ticket, this version joins it
 * without an acknowledgement. It never waits for the edit (the edit waits for it), so the two
 * cannot wait for each other.
 */
async function olderVersion(ctx: BotContext, m: Mention): Promise<'bound' | 'new'> {
  const newer = await newerVersionOf(ctx.store, m._id);
  if (newer === undefined) return 'new';
  const own = await boundTicket(ctx.store, m._id);
  const ref = own ?? (await ticketOfEarlier(ctx, [newer]));
  if (!ref) return 'new';
  // The binding openTicket made for this very mention (a crash after opening) is its own ticket.
  if (own && (await openingMentionOf(ctx.store, ref)) === m._id) return 'new';
  if (!own) await bindMentionToTicket(ctx.store, m._id, ref);
  await markMentionAttached(ctx.store, m._id, {
    classification: { attachedAs: 'earlier-version', of: newer },
    ticketRef: ref,
    processedAt: ctx.now(),
  });
  ctx.log.info(`Mention ${m._id} is an earlier version of ${newer}: kept on ${ref}, no acknowledgement`);
  return 'bound';
}

/** The versions before this one, newest first (the nearest earlier version is likeliest stored). */
function earlierVersions(m: Mention): string[] {
  const history = (m.editHistory ?? []).filter((id) => id !== m._id);
  if (m.editOf && !history.includes(m.editOf)) history.unshift(m.editOf);
  return history.reverse();
}

async function ticketOfEarlier(ctx: BotContext, ids: string[]): Promise<string | undefined> {
  for (const id of ids) {
    const ref = await boundTicket(ctx.store, id);
    if (ref) return ref;
    // Attached as a follow-up or repeat: the mention names the ticket that owns it.
    const m = await mentionTicket(ctx.store, id);
    if (m?.ticketRef && m.status !== 'new') return m.ticketRef;
  }
  return undefined;
}
