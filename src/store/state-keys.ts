// Every kind of document the `state` collection holds, declared once: how its _id is built,
// how it is read back, which module writes it and how long it lives. Modules build their keys
// here instead of spelling the format themselves, and housekeeping asks this registry what it
// may delete (and what a key refers to) instead of parsing other modules' formats.
//
// Adding a kind of state document: declare it here (a test checks every namespace builds keys
// it parses back, and that no two namespaces claim the same key), then use its `key`.
import { createHash } from 'node:crypto';

/** How long a namespace's documents live, and who removes them. */
export type Lifetime =
  /** Kept for good: data, lookups, bindings and protocol state nothing may remove. */
  | { kind: 'kept' }
  /** Personal data: removed with the citizen's other data on an erasure (store/privacy.ts). */
  | { kind: 'erased-with-citizen' }
  /** A single-winner claim, dead weight once the decision it settled can no longer be
   *  contested: housekeeping removes it `settledBy` (see store/housekeeping.ts), once older
   *  than `olderThanMs` (so nothing a live process is still deciding is touched). */
  | { kind: 'settled-claim'; settledBy: SettledBy; olderThanMs: number };

/** What makes a settled claim's decision final (each one is checked by housekeeping). */
export type SettledBy =
  /** The reply it refers to is no longer planned (posted, failed, stale, or gone). */
  | 'reply-not-planned'
  /** The ticket it refers to has moved past its version (the change was applied). */
  | 'ticket-past-version';

/** The parts of a claim's key housekeeping needs: what it is about, and which attempt/version. */
export interface ClaimParts {
  subject: string;
  n: number;
}

export interface Namespace<Args extends unknown[], Parts> {
  /** Every key of this namespace starts with this (a fixed key: the whole key). */
  readonly prefix: string;
  /** The module that writes these documents (and owns their meaning). */
  readonly owner: string;
  readonly lifetime: Lifetime;
  /** What a document of this kind is, in a line. */
  readonly about: string;
  key(...args: Args): string;
  /** The parts of a key of this namespace; undefined for a key that is not one. */
  parse(id: string): Parts | undefined;
}

export const DAY_MS = 24 * 3_600_000;

function declare<Args extends unknown[], Parts>(
  d: Omit<Namespace<Args, Parts>, 'parse'> & { parseRest(rest: string): Parts | undefined },
): Namespace<Args, Parts> {
  const { parseRest, ...rest } = d;
  return {
    ...rest,
    parse: (id) => (id.startsWith(d.prefix) ? parseRest(id.slice(d.prefix.length)) : undefined),
  };
}

/** One document with a fixed _id. */
function fixed(id: string, d: { owner: string; about: string }): Namespace<[], Record<string, never>> {
  return declare({
    prefix: id,
    lifetime: { kind: 'kept' },
    ...d,
    key: () => id,
    parseRest: (rest) => (rest === '' ? {} : undefined),
  });
}

/** One document per thing: `<prefix><id>`. */
function perId(
  prefix: string,
  d: { owner: string; about: string; lifetime?: Lifetime },
): Namespace<[id: string], { id: string }> {
  return declare({
    prefix,
    lifetime: { kind: 'kept' },
    ...d,
    key: (id: string) => `${prefix}${id}`,
    parseRest: (rest) => (rest ? { id: rest } : undefined),
  });
}

/** One document per numbered attempt or version of a thing: `<prefix><subject>:<n>` (the
 *  subject may itself hold colons, e.g. a reply id `ack:<tweet id>`). */
function numbered(
  prefix: string,
  d: { owner: string; about: string; lifetime: Lifetime; pad?: number },
): Namespace<[subject: string, n: number], ClaimParts> {
  const { pad, ...rest } = d;
  return declare({
    prefix,
    ...rest,
    key: (subject: string, n: number) => `${prefix}${subject}:${pad ? String(n).padStart(pad, '0') : n}`,
    parseRest: (r) => {
      const i = r.lastIndexOf(':');
      const n = r.slice(i + 1);
      if (i <= 0 || !/^\d+$/.test(n)) return undefined;
      return { subject: r.slice(0, i), n: Number(n) };
    },
  });
}

// --- the bot's own bookkeeping -------------------------------------------------------------

export const mentionsCursor = fixed('cursor:mentions', {
  owner: 'src/store/cursors.ts (src/bot/poller.ts)',
  about: 'the since_id the mentions timeline has been read up to (moves only after storing)',
});

export const accountCache = declare({
  prefix: 'account:',
  owner: 'src/bot/account.ts',
  lifetime: { kind: 'kept' },
  about: 'who the credentials are on X (GET /2/users/me), for starts when X will not say',
  // Named by a hash of the credentials' id, never the secret itself.
  key: (credentialsId: string) =>
    `account:${createHash('sha256').update(credentialsId).digest('hex').slice(0, 16)}`,
  parseRest: (rest) => (/^[0-9a-f]{16}$/.test(rest) ? { hash: rest } : undefined),
});

export const leaseTerm = numbered('lease:', {
  owner: 'src/store/leases.ts (src/bot/lease.ts)',
  about: 'one numbered term of a lease (holder, expiry); taking over = inserting the next term',
  // Never deleted: the lease finds the latest term by probing forward, so terms must be contiguous.
  lifetime: { kind: 'kept' },
  pad: 12,
});

export const leaseHint = perId('lease-latest:', {
  owner: 'src/store/leases.ts (src/bot/lease.ts)',
  about: 'where the latest term of a lease was last seen (a start for probing, never ahead)',
});

export const postAttempt = numbered('post:', {
  owner: 'src/bot/poster.ts',
  about: 'the claim of one attempt to post a reply (subject: the reply id)',
  lifetime: { kind: 'settled-claim', settledBy: 'reply-not-planned', olderThanMs: DAY_MS },
});

export const notifyAttempt = numbered('notify-try:', {
  owner: 'src/notify/deliver.ts',
  about: 'the claim of one attempt to deliver a notification (subject: the delivery id)',
  // Not swept yet (few: one per delivery attempt); could be once its delivery is settled.
  lifetime: { kind: 'kept' },
});

export const replyCountBase = fixed('reply-count:posted', {
  owner: 'src/store/reply-counts.ts',
  about: 'replies posted before the current day, counted once (the dashboard adds today)',
});

export const schemaVersion = fixed('schema-version', {
  owner: 'src/store/migrations/index.ts',
  about: 'the schema version the database has been migrated to',
});

export const oauth2Tokens = perId('x-oauth2-tokens:', {
  owner: 'src/x/oauth2-db.ts',
  about: "the OAuth 2.0 tokens of one X app's client id, sealed (src/store/sealed-state.ts)",
});

// --- tickets: changes, bindings and lookups -----------------------------------------------

export const ticketChange = numbered('ticket-tx:', {
  owner: 'src/store/tickets/mutate.ts (src/queue/mutate.ts)',
  about: 'the token that wins one change of a ticket (subject: the ref, n: its history length)',
  lifetime: { kind: 'settled-claim', settledBy: 'ticket-past-version', olderThanMs: DAY_MS },
});

export const ticketForMention = perId('ticket-for-mention:', {
  owner: 'src/store/tickets/bindings.ts (src/queue/open.ts, src/bot/edits.ts)',
  about: 'the ticket a mention opened or was bound to (written before the ticket exists)',
});

export const editedInto = perId('edited-into:', {
  owner: 'src/store/edits.ts (src/bot/edits.ts)',
  about: 'the newer version an edited post became, for the earlier version arriving late',
});

export const authorTickets = perId('author-tickets:', {
  owner: 'src/store/tickets/lookups.ts',
  about: "a citizen's open tickets by X user id (the repeat-complaint look-up)",
  lifetime: { kind: 'erased-with-citizen' },
});

export const threadTicket = perId('thread-ticket:', {
  owner: 'src/store/tickets/lookups.ts',
  about: 'the ticket a conversation belongs to (replies in the thread attach to it)',
});

export const followUpTicket = perId('follow-up-ticket:', {
  owner: 'src/store/tickets/lookups.ts, src/store/migrations/002-follow-up-lookups.ts',
  about: 'the ticket a follow-up tweet was attached to (a reply to it reaches the ticket)',
});

// --- the console's dashboard -----------------------------------------------------------------

export const dashboardToday = fixed('dashboard:today', {
  owner: 'src/store/dashboard.ts',
  about: "the dashboard's snapshot of open work and recent days (rebuilt from the tickets)",
});

export const dashboardPeriod = fixed('dashboard:period', {
  owner: 'src/store/dashboard.ts',
  about: "the dashboard's snapshot of the tickets of the last month, for its 7- and 30-day view",
});

/** Every namespace, for lookups by key (namespaceOf) and housekeeping. */
export const STATE_NAMESPACES = {
  mentionsCursor,
  accountCache,
  leaseTerm,
  leaseHint,
  postAttempt,
  notifyAttempt,
  replyCountBase,
  schemaVersion,
  oauth2Tokens,
  ticketChange,
  ticketForMention,
  editedInto,
  authorTickets,
  threadTicket,
  followUpTicket,
  dashboardToday,
  dashboardPeriod,
} as const;

export type StateNamespaceName = keyof typeof STATE_NAMESPACES;
type AnyNamespace = Namespace<never[], unknown>;

/** The namespace a state document's _id belongs to; undefined for a key nobody declared. */
export function namespaceOf(id: string): { name: StateNamespaceName; ns: AnyNamespace } | undefined {
  for (const [name, ns] of Object.entries(STATE_NAMESPACES) as [StateNamespaceName, AnyNamespace][])
    if (ns.parse(id) !== undefined) return { name, ns };
  return undefined;
}

/** The namespaces housekeeping sweeps, with what settles each. */
export function settledClaimNamespaces(): {
  name: StateNamespaceName;
  ns: Namespace<[string, number], ClaimParts>;
  settledBy: SettledBy;
  olderThanMs: number;
}[] {
  const out = [];
  for (const [name, ns] of Object.entries(STATE_NAMESPACES) as [StateNamespaceName, AnyNamespace][])
    if (ns.lifetime.kind === 'settled-claim')
      out.push({
        name,
        ns: ns as unknown as Namespace<[string, number], ClaimParts>,
        settledBy: ns.lifetime.settledBy,
        olderThanMs: ns.lifetime.olderThanMs,
      });
  return out;
}
