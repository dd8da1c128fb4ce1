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
import type { MentionDoc } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';
import { attachFollowUp } from '../queue';
import { mutateTicket } from '../queue/mutate';
import { BOT } from '../queue/types';
import { recordTicketEvent } from '../store/notify-events';
import { decide } from '../decide';
import { textToClassify } from './mention-fields';
import { count } from '../health/state';

type Mention = MentionDoc & { _id: string };

// Written by queue/open.ts (bindingKey) before any ticket exists for a mention.
const bindingKey = (mentionId: string) => `ticket-for-mention:${mentionId}`;

/**
 * 'bound': handled here (attached to the earlier version's ticket); 'wait': the earlier
 * version is stored but not processed yet, try again next tick; 'new': no earlier version
 * has a ticket, so the edit is processed as a complaint of its own.
 */
export async function handleEdit(ctx: BotContext, m: Mention): Promise<'bound' | 'wait' | 'new'> {
  const earlier = earlierVersions(m);
  if (!earlier.length) return olderVersion(ctx, m);
  // Remembered by _id for each earlier version, in case one of them is listed after this one.
  for (const id of earlier)
    await ctx.models.State.updateOne(
      { _id: editedIntoKey(id) },
      { $set: { value: m._id, updatedAt: new Date() } },
      { upsert: true },
    );
  const own = await boundRef(ctx, m._id);
  let ref = own ?? (await ticketOfEarlier(ctx, earlier));
  if (!ref) {
    // Urgent-first may reach the edit before its original, in the same batch.
    // (Looked up by _id one at a time: FerretDB v1 scans for anything but a plain _id filter.)
    for (const id of earlier)
      if ((await ctx.models.Mention.findById(id, { status: 1 }).lean())?.status === 'new') return 'wait';
    return 'new';
  }
  if (!own) ref = await bind(ctx, m._id, ref);

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
    let raised = false;
    const escalated = await mutateTicket(ctx.store, ref, BOT, now, (t) => {
      raised = false;
      if (t.urgent && t.escalated && t.priority <= plan.priority) return null;
      raised = true;
      const due = plan.dueAt && (!t.dueAt || plan.dueAt < new Date(t.dueAt)) ? plan.dueAt : t.dueAt;
      return {
        set: {
          urgent: true,
          escalated: true,
          priority: Math.min(t.priority, plan.priority),
          ...(due ? { dueAt: due } : {}),
        },
        history: { action: 'escalated', detail: `the citizen's edit ${m._id} made it urgent${why}` },
      };
    });
    // Staff are paged as for any urgent ticket (the event's unique key: once across retries).
    await recordTicketEvent(ctx.models, escalated, now, `the citizen's edit made it urgent${why}`);
    // An acknowledgement still waiting to go out now goes out first.
    for (const id of earlier)
      await ctx.models.Reply.updateOne(
        { _id: `ack:${id}`, status: 'planned', priority: { $gt: 1 } },
        { $set: { priority: 1 } },
      );
    if (raised) ctx.log.warn(`Edit ${m._id} of ${m.editOf} made ${ref} urgent${why}; escalated`);
  }
  await ctx.models.Mention.updateOne(
    { _id: m._id },
    {
      $set: {
        status: 'processed',
        classification: { ...decision, attachedAs: 'edit' },
        ticketRef: ref,
        processedAt: now,
      },
    },
  );
  count(ctx.health, 'mentions_edits');
  ctx.log.info(`Mention ${m._id} is an edit of ${m.editOf}: attached to ${ref}, no new acknowledgement`);
  return 'bound';
}

const editedIntoKey = (id: string) => `edited-into:${id}`;

/**
 * An earlier version that arrives after its edit (X lists the newest version, but a timeline
 * page can still carry both): when the edit already has a ticket, this version joins it
 * without an acknowledgement. It never waits for the edit (the edit waits for it), so the two
 * cannot wait for each other.
 */
async function olderVersion(ctx: BotContext, m: Mention): Promise<'bound' | 'new'> {
  const newer = (await ctx.models.State.findById(editedIntoKey(m._id)).lean())?.value;
  if (typeof newer !== 'string') return 'new';
  const own = await boundRef(ctx, m._id);
  const ref = own ?? (await ticketOfEarlier(ctx, [newer]));
  if (!ref) return 'new';
  // The binding openTicket made for this very mention (a crash after opening) is its own ticket.
  const t = await ctx.models.Ticket.findById(ref, { mentionId: 1 }).lean();
  if (own && t?.mentionId === m._id) return 'new';
  if (!own) await bind(ctx, m._id, ref);
  await ctx.models.Mention.updateOne(
    { _id: m._id },
    {
      $set: {
        status: 'processed',
        classification: { attachedAs: 'earlier-version', of: newer },
        ticketRef: ref,
        processedAt: ctx.now(),
      },
    },
  );
  ctx.log.info(`Mention ${m._id} is an earlier version of ${newer}: kept on ${ref}, no acknowledgement`);
  return 'bound';
}

/** The versions before this one, newest first (the nearest earlier version is likeliest stored). */
function earlierVersions(m: Mention): string[] {
  const history = (m.editHistory ?? []).filter((id) => id !== m._id);
  if (m.editOf && !history.includes(m.editOf)) history.unshift(m.editOf);
  return history.reverse();
}

async function boundRef(ctx: BotContext, id: string): Promise<string | undefined> {
  const v = (await ctx.models.State.findById(bindingKey(id)).lean())?.value;
  if (typeof v !== 'string') return undefined;
  return (await ctx.models.Ticket.exists({ _id: v })) ? v : undefined;
}

async function ticketOfEarlier(ctx: BotContext, ids: string[]): Promise<string | undefined> {
  for (const id of ids) {
    const ref = await boundRef(ctx, id);
    if (ref) return ref;
    // Attached as a follow-up or repeat: the mention names the ticket that owns it.
    const m = await ctx.models.Mention.findById(id, { ticketRef: 1, status: 1 }).lean();
    if (m?.ticketRef && m.status !== 'new') return m.ticketRef;
  }
  return undefined;
}

/** The unique insert that makes the binding exactly-once; a racing winner's value is used. */
async function bind(ctx: BotContext, id: string, ref: string): Promise<string> {
  try {
    await ctx.models.State.create({ _id: bindingKey(id), value: ref, updatedAt: new Date() });
    return ref;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const winner = (await ctx.models.State.findById(bindingKey(id)).lean())?.value;
    return typeof winner === 'string' ? winner : ref;
  }
}
