// The `state` collection's namespaces (src/store/state-keys.ts): each one builds keys it parses
// back and no other namespace claims, and a real bot run writes no key the registry does not
// know — so housekeeping, which only deletes what the registry says is a settled claim, can
// never mistake another module's document for one of its own.
import fs from 'node:fs';
import path from 'node:path';
import {
  STATE_NAMESPACES,
  namespaceOf,
  settledClaimNamespaces,
  type StateNamespaceName,
} from '../src/store/state-keys';
import { removeSettledClaims } from '../src/store/housekeeping';
import { replyCounts } from '../src/store/reply-counts';
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { startTestEmulator } from './support/emulator';
import { startWebhookSink } from './support/notify-sinks';

const k = STATE_NAMESPACES;

/** One key of each namespace, built by its own builder, with the parts it must parse back to. */
const BUILT: Record<StateNamespaceName, [string, unknown]> = {
  mentionsCursor: [k.mentionsCursor.key(), {}],
  accountCache: [k.accountCache.key('https://api.x.com|token'), undefined],
  leaseTerm: [k.leaseTerm.key('bot', 7), { subject: 'bot', n: 7 }],
  leaseHint: [k.leaseHint.key('bot'), { id: 'bot' }],
  postAttempt: [k.postAttempt.key('ack:1890', 2), { subject: 'ack:1890', n: 2 }],
  notifyAttempt: [
    k.notifyAttempt.key('notify:urgent:AM-2611-0001:ops.webhook', 3),
    { subject: 'notify:urgent:AM-2611-0001:ops.webhook', n: 3 },
  ],
  replyCountBase: [k.replyCountBase.key(), {}],
  schemaVersion: [k.schemaVersion.key(), {}],
  oauth2Tokens: [k.oauth2Tokens.key('mujib-client'), { id: 'mujib-client' }],
  ticketChange: [k.ticketChange.key('AM-2611-0001', 4), { subject: 'AM-2611-0001', n: 4 }],
  ticketForMention: [k.ticketForMention.key('1890'), { id: '1890' }],
  editedInto: [k.editedInto.key('1890'), { id: '1890' }],
  authorTickets: [k.authorTickets.key('u42'), { id: 'u42' }],
  threadTicket: [k.threadTicket.key('1889'), { id: '1889' }],
  followUpTicket: [k.followUpTicket.key('1891'), { id: '1891' }],
  dashboardToday: [k.dashboardToday.key(), {}],
  dashboardPeriod: [k.dashboardPeriod.key(), {}],
};

test.each(Object.keys(STATE_NAMESPACES) as StateNamespaceName[])(
  '%s: its keys parse back to their parts, and belong to it alone',
  (name) => {
    const [key, parts] = BUILT[name];
    const ns = STATE_NAMESPACES[name];
    expect(key.startsWith(ns.prefix)).toBe(true);
    if (parts !== undefined) expect(ns.parse(key)).toEqual(parts);
    else expect(ns.parse(key)).toBeDefined();
    const claimants = Object.entries(STATE_NAMESPACES).filter(([, other]) => other.parse(key) !== undefined);
    expect(claimants.map(([n]) => n)).toEqual([name]);
    expect(namespaceOf(key)?.name).toBe(name);
    expect(ns.owner).toMatch(/^src\//);
    // Every file the registry names as the owner is there (moves must update it).
    const files = ns.owner.match(/src\/[\w./-]+\.ts/g) ?? [];
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !fs.existsSync(path.join(__dirname, '..', f)))).toEqual([]);
  },
);

test('keys of no namespace, or malformed ones, are known to nobody (housekeeping leaves them)', () => {
  for (const id of ['mentions-cursor', 'post:ack:1:x', 'lease:bot', 'account:secret', 'cursor:'])
    expect(namespaceOf(id)).toBeUndefined();
  // The account cache names credentials by a hash, never by the secret itself.
  expect(k.accountCache.key('https://api.x.com|the-access-token')).not.toContain('the-access-token');
});

test('only settled claims are swept: post attempts and ticket-change tokens, each after a day', () => {
  const swept = settledClaimNamespaces().map((s) => [s.name, s.settledBy, s.olderThanMs]);
  expect(swept).toEqual([
    ['postAttempt', 'reply-not-planned', 86_400_000],
    ['ticketChange', 'ticket-past-version', 86_400_000],
  ]);
  // Lease terms must stay contiguous: the lease probes forward from any term it has seen.
  expect(k.leaseTerm.lifetime.kind).toBe('kept');
  expect(k.authorTickets.lifetime.kind).toBe('erased-with-citizen');
});

describe('a real bot run', () => {
  const h = useBotHarness('statekeys');

  test('writes only keys the registry knows, across the namespaces it uses', async () => {
    const hook = await startWebhookSink();
    try {
      await h.emu.stop();
      h.emu = await startTestEmulator({
        oauth1: undefined,
        oauth2: { clientId: 'mujib-client', accessTtlMs: 3600_000, refreshToken: 'initial-refresh-token' },
      });
      h.rt = await startTestBot(h.emu, h.dbName, {
        X_OAUTH2_CLIENT_ID: 'mujib-client',
        X_OAUTH2_REFRESH_TOKEN: 'initial-refresh-token',
        MUJIB_SECRET_KEY: '3f1c0a5e9b7d2c4e6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a',
        NOTIFY_WEBHOOK_URL: `${hook.url}/catch-all`,
      });
      const rt = h.rt;
      const posted = (id: string) => h.emu.posts().filter((p) => p.inReplyToId === id);
      const processed = async (id: string) =>
        (await rt.db.models.Mention.findById(id, { status: 1 }).lean())?.status === 'processed';

      // A complaint (ticket, binding, lookups, post claim), a reply in its thread (follow-up
      // lookup), an urgent edit (edit lookups, a notification delivered to the webhook).
      const complaint = h.emu.injectMention({
        text: 'الرصيف متكسر قدام البيت في حي الورود',
        author: 'keys_a',
      });
      await tickUntil(rt, () => posted(complaint.id).length === 1);
      const ack = posted(complaint.id)[0]!;
      const ask = h.emu.injectMention({ text: 'وش صار على البلاغ؟', author: 'keys_a', inReplyToId: ack.id });
      await tickUntil(rt, () => processed(ask.id));
      const edit = h.emu.editTweet(
        complaint.id,
        'الرصيف متكسر قدام البيت في حي الورود، وغطاء منهل مفتوح جنب المدرسة والأطفال يمرون عنده',
      );
      await tickUntil(rt, async () => (await processed(edit.id)) && hook.calls.length > 0);
      await replyCounts(rt.ctx.store); // the dashboard's posted count
      await removeSettledClaims(rt.ctx.store); // nothing settled is a day old: removes nothing here

      const ids = (await rt.db.models.State.find({}, { _id: 1 }).lean()).map((d) => String(d._id));
      const unknown = ids.filter((id) => !namespaceOf(id));
      expect(unknown).toEqual([]);
      const seen = new Set(ids.map((id) => namespaceOf(id)!.name));
      // The run did reach the namespaces it was built to (so the check above means something).
      for (const name of [
        'mentionsCursor',
        'accountCache',
        'leaseTerm',
        'leaseHint',
        'postAttempt',
        'notifyAttempt',
        'replyCountBase',
        'schemaVersion',
        'oauth2Tokens',
        'ticketChange',
        'ticketForMention',
        'editedInto',
        'authorTickets',
        'threadTicket',
        'followUpTicket',
      ] as StateNamespaceName[])
        expect([name, seen.has(name)]).toEqual([name, true]);
    } finally {
      await hook.stop();
    }
  }, 90_000);
});
