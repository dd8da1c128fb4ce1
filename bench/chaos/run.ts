// The chaos harness: real bot processes (two, sharing one database) against the emulator
// and FerretDB while citizens keep tweeting; SIGKILLs at random moments (posts are slowed
// so many kills land between "planned" and "posted"), 5xx/429 bursts, restarts. At the end
// every mention is checked against what the emulator actually received.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDB } from '../../src/store/ferretdb';
import { openDatabase } from '../../src/store/db';
import { startEmulator } from '../../src/x/emulator';
import { createLogger } from '../../src/log';
import { BotProcess } from './child';
import { Citizens, type Injected } from './world';
import { StaffDesk } from './staff';

export interface ChaosOptions {
  cycles: number;
  /** Existing server (tests); otherwise FerretDB is started for the run. */
  mongoUri?: string;
  /** Where child logs and the model go; default a temp folder. */
  workDir?: string;
  onProgress?: (line: string) => void;
  /** Give up waiting for the bots to catch up after this long. */
  settleTimeoutMs?: number;
}

export interface ChaosReport {
  cycles: number;
  kills: number;
  mentions: number;
  stored: number;
  expectedAcks: number;
  acknowledged: number;
  duplicateReplies: number;
  /** Staff replies planned from the console's queue function during the run (issue 16). */
  staffReplies: number;
  staffPosted: number;
  /** A staff reply posted more than once. Must be 0. */
  staffDuplicates: number;
  /** Replies to tweets that must not get one (follow-ups, retweets). */
  wrongReplies: number;
  lost: number;
  faults: number;
  seconds: number;
  logs: string;
  /** Complaints left unanswered, with what the database says about them. */
  missing?: unknown[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (a: number, b: number) => a + Math.random() * (b - a);

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const workDir = o.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-chaos-'));
  const say = o.onProgress ?? (() => undefined);
  const ferret = o.mongoUri ? undefined : await startFerretDB();
  const dbName = `mujib_chaos_${Date.now()}`;
  const baseUri = o.mongoUri ?? ferret!.uri;
  const mongoUri = `${baseUri.replace(/\/[^/]*$/, '')}/${dbName}`;
  // Posts take a moment, so kills often land between "planned" and "posted".
  const emu = await startEmulator({
    limits: { post: { limit: 100_000, windowMs: 900_000 }, mentions: { limit: 100_000, windowMs: 900_000 } },
  });
  const citizens = new Citizens(emu);
  const bots = ['a', 'b'].map(
    (n) =>
      new BotProcess(n, {
        mongoUri,
        xBaseUrl: emu.url,
        xToken: emu.token,
        dataDir: workDir,
        logFile: path.join(workDir, `bot-${n}.log`),
      }),
  );
  let faults = 0;
  const desk = await StaffDesk.open(mongoUri);
  try {
    bots.forEach((b) => b.start());
    for (let c = 1; c <= o.cycles; c++) {
      citizens.act(Math.floor(rand(1, 6)));
      // Staff answer some tickets from the console meanwhile (sometimes sending a form twice).
      await desk.act(citizens.injected);
      if (Math.random() < 0.5)
        emu.injectFault({ kind: 'latency', route: 'post', ms: Math.floor(rand(100, 600)), count: 3 });
      if (Math.random() < 0.15) {
        emu.injectFault({
          kind: Math.random() < 0.5 ? '503' : '5xx',
          route: Math.random() < 0.5 ? 'post' : 'mentions',
          count: Math.floor(rand(1, 4)),
        });
        faults++;
      }
      if (Math.random() < 0.08) {
        emu.injectFault({ kind: '429', route: 'post', ms: 2000, count: 1 });
        faults++;
      }
      if (Math.random() < 0.05) {
        emu.injectFault({ kind: 'drop', route: 'post', count: 1 });
        faults++;
      }
      // Long enough for a restarted bot to start and take over the lease now and then.
      await sleep(rand(500, 5000));
      const victim = bots[Math.floor(Math.random() * bots.length)]!;
      await victim.kill();
      await sleep(rand(0, 300));
      victim.start();
      if (c % 10 === 0 || c === o.cycles)
        say(`cycle ${c}/${o.cycles}: ${citizens.injected.length} mentions, ${emu.posts().length} replies`);
    }

    // Calm: no more faults; let the survivors catch up.
    emu.clearFaults();
    const expected = citizens.injected.filter((t) => t.kind === 'complaint');
    // Long enough for an attempt abandoned by a killed bot to be adopted (poster.ts, 90 s).
    const deadline = Date.now() + (o.settleTimeoutMs ?? 240_000);
    const repliedTo = () => new Set(emu.posts().map((p) => p.inReplyToId));
    const staffDone = () => desk.planned.every((text) => emu.posts().some((p) => p.text === text));
    while (Date.now() < deadline && !(expected.every((t) => repliedTo().has(t.id)) && staffDone()))
      await sleep(500);
    await sleep(2000); // a late duplicate would show up now

    for (const b of bots) await b.stop();
    const db = await openDatabase(mongoUri, { attempts: 3 });
    const ids = citizens.injected.map((t) => t.id);
    const stored = await db.models.Mention.countDocuments({ _id: { $in: ids } });

    const per = new Map<string, number>();
    const staffPer = new Map<string, number>();
    for (const p of emu.posts()) {
      // Staff replies are counted apart: a ticket may rightly get one besides its acknowledgement.
      if (desk.planned.includes(p.text)) staffPer.set(p.text, (staffPer.get(p.text) ?? 0) + 1);
      else if (p.inReplyToId) per.set(p.inReplyToId, (per.get(p.inReplyToId) ?? 0) + 1);
    }
    // What became of each complaint left without an acknowledgement, for the report.
    const missing = [];
    for (const t of expected.filter((e) => !per.has(e.id))) {
      const m = await db.models.Mention.findById(t.id).lean();
      const r = await db.models.Reply.findOne({ inReplyToTweetId: t.id }).lean();
      missing.push({
        id: t.id,
        text: m?.text,
        mention: m && {
          status: m.status,
          skipReason: m.skipReason,
          classification: m.classification,
          lastError: m.lastError,
        },
        reply: r && {
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.nextAttemptAt,
          lastError: r.lastError,
        },
      });
    }
    await db.close();
    const acknowledged = expected.filter((t) => (per.get(t.id) ?? 0) >= 1).length;
    let duplicateReplies = 0;
    for (const n of per.values()) if (n > 1) duplicateReplies += n - 1;
    const wrongReplies = unwantedReplies(citizens.injected, per);
    return {
      cycles: o.cycles,
      kills: bots.reduce((n, b) => n + b.kills, 0),
      mentions: ids.length,
      stored,
      expectedAcks: expected.length,
      acknowledged,
      duplicateReplies,
      staffReplies: desk.planned.length,
      staffPosted: staffPer.size,
      staffDuplicates: [...staffPer.values()].reduce((n, k) => n + Math.max(0, k - 1), 0),
      wrongReplies,
      lost: ids.length - stored + (expected.length - acknowledged),
      faults,
      seconds: Math.round((Date.now() - started) / 1000),
      logs: workDir,
      ...(missing.length ? { missing } : {}),
    };
  } finally {
    await desk.close();
    for (const b of bots) await b.kill().catch(() => undefined);
    await emu.stop();
    if (ferret) await ferret.stop();
    else {
      const db = await openDatabase(mongoUri, { attempts: 1, log: createLogger({ level: 'error' }) }).catch(
        () => undefined,
      );
      await db?.conn.dropDatabase().catch(() => undefined);
      await db?.close();
    }
  }
}

/**
 * Replies that should not exist: any to a retweet, and more than one status reply in a
 * complaint's thread (its follow-ups all ask "any news?" within the status-reply window,
 * escalation.yml followUps.statusReplyEveryHours, far longer than a chaos run).
 */
function unwantedReplies(injected: Injected[], per: Map<string, number>): number {
  const retweets = injected.filter((t) => t.kind === 'retweet' && per.has(t.id)).length;
  const statusPerThread = new Map<string, number>();
  for (const t of injected)
    if (t.kind === 'follow-up' && t.parentId && per.has(t.id))
      statusPerThread.set(t.parentId, (statusPerThread.get(t.parentId) ?? 0) + 1);
  let extraStatus = 0;
  for (const n of statusPerThread.values()) extraStatus += Math.max(0, n - 1);
  return retweets + extraStatus;
}
