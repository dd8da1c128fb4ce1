// `mujib simulate`: a batch of citizen tweets through the real pipeline, against a private
// emulator and a private database, with a summary counted from what the emulator received.
import type { Runtime } from './runtime';
import type { Emulator } from '../x/emulator';
import { batchProgress, batchRecords } from '../store/simulation';

export interface SimInput {
  text: string;
  author: string;
  id?: string;
  in_reply_to_id?: string;
  is_retweet?: boolean;
  lang?: string;
  author_name?: string;
}

export interface SimResult {
  line: number;
  id: string;
  lang: string | null;
  category: string | null;
  confidence: number | null;
  source: string | null;
  rule: string | null;
  urgent: boolean;
  escalated: boolean;
  priority: number | null;
  ticket: string | null;
  /** What kind of mention (complaint, spam, chatter, abuse, referral…; issue 13). */
  outcome: string | null;
  status: string;
  reply: string | null;
}

export interface SimSummary {
  mentions: number;
  stored: number;
  acknowledged: number;
  escalated: number;
  ignored: number;
  attached: number;
  duplicateReplies: number;
  unanswered: number;
  errors: number;
  /** Mentions per outcome (complaint, inquiry, praise, spam, chatter, abuse, referral). */
  outcomes?: Record<string, number>;
  results?: SimResult[];
}

/** Parses JSON lines; throws with the line number on the first bad one. */
export function parseSimInput(text: string, file: string): SimInput[] {
  const out: SimInput[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`, { cause: e });
    }
    const o = v as Partial<SimInput>;
    if (typeof o.text !== 'string' || !o.text.trim())
      throw new Error(`${file}:${i + 1}: "text" must be a non-empty string`);
    if (typeof o.author !== 'string' || !o.author.trim())
      throw new Error(`${file}:${i + 1}: "author" must be a username`);
    if (o.in_reply_to_id !== undefined && !out.some((p) => p.id === String(o.in_reply_to_id)))
      throw new Error(
        `${file}:${i + 1}: "in_reply_to_id" ${o.in_reply_to_id} is not the id of an earlier line`,
      );
    out.push({
      ...o,
      id: o.id === undefined ? undefined : String(o.id),
      in_reply_to_id: o.in_reply_to_id === undefined ? undefined : String(o.in_reply_to_id),
    } as SimInput);
  });
  return out;
}

/** Injects every line, runs ticks until nothing is left to do, and counts. */
export async function runSimulation(
  rt: Runtime,
  inputs: SimInput[],
  opts: { timeoutMs?: number } = {},
): Promise<SimSummary> {
  const emulator = rt.emulator as Emulator;
  const ids: string[] = [];
  const byInputId = new Map<string, string>();
  for (const input of inputs) {
    const parent = input.in_reply_to_id ? byInputId.get(input.in_reply_to_id) : undefined;
    const t = emulator.injectMention({
      text: input.text,
      author: input.author,
      authorName: input.author_name,
      inReplyToId: parent,
      isRetweet: input.is_retweet,
      lang: input.lang,
    });
    ids.push(t.id);
    if (input.id) byInputId.set(input.id, t.id);
  }

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    await rt.bot.tick();
    const { stored, pending, planned } = await batchProgress(rt.ctx.store, ids);
    if (stored === ids.length && pending === 0 && planned === 0) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return summarise(rt, ids);
}

async function summarise(rt: Runtime, ids: string[]): Promise<SimSummary> {
  const posts = (rt.emulator as Emulator).posts();
  const postsPerTweet = new Map<string, number>();
  for (const p of posts)
    if (p.inReplyToId) postsPerTweet.set(p.inReplyToId, (postsPerTweet.get(p.inReplyToId) ?? 0) + 1);

  const { mentions, tickets, replies } = await batchRecords(rt.ctx.store, ids);

  const s: SimSummary = {
    mentions: ids.length,
    stored: mentions.size,
    acknowledged: 0,
    escalated: 0,
    ignored: 0,
    attached: 0,
    duplicateReplies: 0,
    unanswered: 0,
    errors: 0,
    outcomes: {},
    results: [],
  };
  for (const n of postsPerTweet.values()) if (n > 1) s.duplicateReplies += n - 1;

  ids.forEach((id, i) => {
    const m = mentions.get(id);
    const t = tickets.get(id);
    const r = replies.get(id);
    const c = (m?.classification ?? {}) as Record<string, unknown>;
    const plan = (c.plan ?? {}) as { action?: string };
    const posted = (postsPerTweet.get(id) ?? 0) > 0;
    const attached = Boolean(c.attachedAs);
    if (posted) s.acknowledged++;
    if (t?.escalated) s.escalated++;
    if (m?.status === 'skipped' || plan.action === 'ignore') s.ignored++;
    if (attached) s.attached++;
    const outcome = typeof m?.outcome === 'string' ? m.outcome : null;
    if (outcome) s.outcomes![outcome] = (s.outcomes![outcome] ?? 0) + 1;
    if (m?.status === 'error' || (m?.status === 'new' && (m.attempts ?? 0) > 0)) s.errors++;
    // Every top-level complaint gets a reply, a repeat attached to an open ticket too ("added to
    // your report AM-…"); a reply in a ticket's thread (or an edit) may rightly get none.
    const topLevel = !attached || c.attachedAs === 'repeat';
    const shouldAnswer = m?.status !== 'skipped' && topLevel && plan.action !== 'ignore';
    if (shouldAnswer && !posted) s.unanswered++;
    s.results!.push({
      line: i + 1,
      id,
      lang: (c.lang as string) ?? null,
      category: (c.category as string) ?? null,
      confidence: typeof c.confidence === 'number' ? Math.round(c.confidence * 1000) / 1000 : null,
      source: (c.source as string) ?? null,
      rule: (c.rule as string) ?? null,
      urgent: Boolean(c.urgent),
      escalated: Boolean(t?.escalated),
      priority: t?.priority ?? null,
      ticket: (t?._id as string) ?? (m?.ticketRef as string) ?? null,
      outcome,
      status: m
        ? attached
          ? `attached:${c.attachedAs as string}`
          : (m.skipReason ?? m.status)
        : 'not stored',
      reply: r?.status === 'posted' ? r.text : null,
    });
  });
  return s;
}
