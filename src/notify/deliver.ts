// The notification step of the bot loop (run by the lease holder after each tick):
//   1. the channel's own health → a channel-stopped event, once per outage;
//   2. fan-out: each new event → one delivery per matching recipient, keyed
//      notify:<event>:<subject>:<recipient> (a unique insert: never two deliveries);
//   3. delivery: each due one is sent, each attempt claimed first (a unique insert, as the
//      poster does) so two instances never send the same attempt; failures back off and
//      retry, up to MAX_ATTEMPTS.
// A crash after the receiver got it but before we wrote "sent" is the one way a delivery can
// repeat: the id (header X-Mujib-Delivery, body `id`, e-mail Message-ID) stays the same so
// receivers can tell.
import type { Logger } from '../log';
import type { Health } from '../health/state';
import type { NotificationRules, Recipient } from '../pack/notifications';
import type { Store } from '../store/store';
import { recordNotifyEvent, type NotifyEvent } from '../store/notify-events';
import {
  addDelivery,
  claimDeliveryAttempt,
  countAbandonedAttempt,
  countDeliveryAttempt,
  deliveryAttemptClaimedAt,
  dueDeliveries,
  markDeliveryFailed,
  markDeliverySent,
  markEventFanned,
  newNotifyEvents,
  skipDelivery,
  ticketForNotice,
  type Delivery,
} from '../store/notify-deliveries';
import { channelsFor, CATCH_ALL } from './recipients';
import { holdUntil } from './quiet';
import { emailMessage, webhookBody, type NotifyFacts } from './payload';
import { DeliveryError, postWebhook, sendEmail } from './send';
import { channelStopped } from './channel-health';

export const MAX_ATTEMPTS = 12;
const BATCH = 50;

export interface NotifyDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  instanceId: string;
  health: Health;
  rules: () => {
    notifications: NotificationRules;
    timeZone: string;
    categoryName(id: string): { ar: string; en: string } | undefined;
  };
  /** Base URL of the console as staff open it. */
  consoleUrl: () => string;
  catchAll?: { url: string; secret?: string };
  smtp?: { url: string; from: string };
  /** Where `secretEnv` names are looked up. */
  env: NodeJS.ProcessEnv;
}

export interface NotifyResult {
  events: number;
  deliveries: number;
  sent: number;
  failed: number;
}

export function createNotifier(d: NotifyDeps): { run(): Promise<NotifyResult> } {
  const warned = new Set<string>();
  const warnOnce = (key: string, msg: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    d.log.warn(msg);
  };
  return {
    async run() {
      const now = d.now();
      for (const stopped of channelStopped(d.health, now))
        if (await recordNotifyEvent(d.store, { event: 'channel-stopped', ...stopped, at: now }))
          d.log.error(`Channel stopped: ${stopped.detail}; staff are notified`);
      const r: NotifyResult = { events: 0, deliveries: 0, sent: 0, failed: 0 };
      await fanOut(d, now, r);
      await deliverDue(d, r, warnOnce);
      return r;
    },
  };
}

function recipientsOf(d: NotifyDeps): Recipient[] {
  return d.rules().notifications.recipients;
}

async function fanOut(d: NotifyDeps, now: Date, r: NotifyResult): Promise<void> {
  const events = await newNotifyEvents(d.store, BATCH);
  const { timeZone } = d.rules();
  for (const e of events) {
    const event = e.event as NotifyEvent;
    for (const c of channelsFor(event, recipientsOf(d), d.catchAll?.url)) {
      const notBefore = holdUntil(c.recipient.quietHours, event, now, timeZone);
      // False: fanned out before a crash, already there.
      if (await addDelivery(d.store, e, c.id, notBefore)) r.deliveries++;
    }
    await markEventFanned(d.store, e._id);
    r.events++;
  }
}

async function deliverDue(
  d: NotifyDeps,
  r: NotifyResult,
  warnOnce: (k: string, m: string) => void,
): Promise<void> {
  const due = await dueDeliveries(d.store, d.now(), BATCH);
  for (const n of due) {
    const [name, kind] = splitRecipient(n.recipient ?? '');
    const recipient =
      name === CATCH_ALL && d.catchAll ? catchAllRecipient(d) : recipientsOf(d).find((x) => x.name === name);
    if (!recipient || (kind === 'webhook' ? !recipient.webhook : !recipient.email?.length)) {
      // Removed from the rules since: nobody left to tell.
      await skipDelivery(d.store, n._id, 'recipient no longer configured');
      continue;
    }
    if (kind === 'email' && !d.smtp) {
      warnOnce(
        'smtp',
        `Notifications: e-mail recipient '${name}' is configured but SMTP_URL is not set; e-mails wait until it is`,
      );
      continue;
    }
    const attempt = n.attempts + 1;
    if (!(await claimDeliveryAttempt(d.store, n._id, attempt, d.instanceId))) {
      await passAbandonedAttempt(d, n, attempt);
      continue;
    }
    await countDeliveryAttempt(d.store, n._id, attempt);
    try {
      const facts = await factsOf(d, n);
      if (kind === 'webhook') {
        const secret = recipient.secretEnv
          ? name === CATCH_ALL
            ? d.catchAll?.secret
            : d.env[recipient.secretEnv]
          : undefined;
        await postWebhook(recipient.webhook!, webhookBody(facts), { ...(secret ? { secret } : {}) });
      } else {
        const m = emailMessage(facts);
        await sendEmail(d.smtp!.url, {
          from: d.smtp!.from,
          to: recipient.email!,
          ...m,
          messageId: `<${n._id.replace(/[^A-Za-z0-9.-]/g, '.')}@mujib>`,
        });
      }
      await markDeliverySent(d.store, n._id, d.now());
      r.sent++;
      d.log.info(`Notified ${name} (${kind}) of ${n.event} ${n.subject}`);
    } catch (e) {
      const message = e instanceof DeliveryError ? e.message : `error: ${(e as Error).name}`;
      const giveUp = (e instanceof DeliveryError && e.permanent) || attempt >= MAX_ATTEMPTS;
      const wait = Math.min(30 * 60_000, 5_000 * 2 ** Math.min(attempt, 10));
      const retryAt = giveUp ? undefined : new Date(d.now().getTime() + wait);
      await markDeliveryFailed(d.store, n._id, message, retryAt);
      r.failed++;
      const line = `Notifying ${name} (${kind}) of ${n.event} ${n.subject} failed: ${message}`;
      if (giveUp) d.log.error(`${line}; gave up after ${attempt} attempt(s)`);
      else d.log.warn(`${line}; retrying in ${Math.round(wait / 1000)} s`);
    }
  }
}

function splitRecipient(id: string): [string, 'webhook' | 'email'] {
  const i = id.lastIndexOf('.');
  return [id.slice(0, i), id.slice(i + 1) === 'email' ? 'email' : 'webhook'];
}

function catchAllRecipient(d: NotifyDeps): Recipient {
  return { name: CATCH_ALL, events: [], webhook: d.catchAll!.url, secretEnv: 'NOTIFY_WEBHOOK_SECRET' };
}

async function factsOf(d: NotifyDeps, n: Delivery): Promise<NotifyFacts> {
  const base = d.consoleUrl().replace(/\/+$/, '');
  const facts: NotifyFacts = {
    id: n._id,
    event: n.event as NotifyEvent,
    url: n.ticketRef ? `${base}/tickets/${encodeURIComponent(n.ticketRef)}` : `${base}/queue`,
    at: new Date(n.at),
    ...(n.detail ? { detail: n.detail } : {}),
  };
  if (!n.ticketRef) return facts;
  facts.ticket = n.ticketRef;
  const t = await ticketForNotice(d.store, n.ticketRef);
  if (!t) return facts;
  facts.priority = t.priority;
  facts.category = t.category;
  facts.status = t.status ?? 'open';
  if (t.dueAt) facts.dueAt = t.dueAt;
  const name = d.rules().categoryName(t.category);
  if (name) facts.categoryName = name;
  if (t.text !== undefined) facts.excerpt = t.text.length > 140 ? `${t.text.slice(0, 139)}…` : t.text;
  return facts;
}

/** Longer than any attempt takes (the webhook and SMTP timeouts are well under it). */
const ABANDONED_AFTER_MS = 2 * 60_000;

/**
 * An instance that died between claiming an attempt and counting it would leave the delivery
 * asking for that same claim forever, and staff never told. Once the claim is old, count the
 * attempt as made, so the next run claims the next one. (Two instances may both write the same
 * count; only one of them wins the next claim.)
 */
async function passAbandonedAttempt(d: NotifyDeps, n: Delivery, attempt: number): Promise<void> {
  const at = await deliveryAttemptClaimedAt(d.store, n._id, attempt);
  // Wall-clock time on both sides: claims are stamped with the real time, not the bot's clock.
  if (!at || Date.now() - at.getTime() < ABANDONED_AFTER_MS) return;
  await countAbandonedAttempt(d.store, n._id, n.attempts, attempt);
  d.log.warn(
    `Notification ${n._id}: attempt ${attempt} was claimed by an instance that stopped; trying again`,
  );
}
