// npm run bench:soak [-- --json] [--sizes 0,10000,100000] [--profile]
// (compiled first, like bench:storm, so the TypeScript compiler does not count in the RSS.)
// Does the bot stay fast as history piles up? For each size: a fresh database pre-filled with
// that many mentions of realistic history (bench/soak-fill.ts), then, on the real runtime:
// 20-mention ticks, idle ticks, the console's queue list and dashboard (through the console's
// own data functions), /metrics, daily housekeeping, the SLA sweep, peak RSS and data on disk.
// Targets at 100k stored: 20-mention tick ≤ 1 s, idle tick ≤ 0.2 s, console pages ≤ 1 s,
// RSS ≤ 200 MB. Each size runs in a fresh process, so its memory figures are its own. --profile prints where the database time went, per size, on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { startBenchBot } from './bench-bot';
import { profileCommands } from './command-profile';
import { spawn } from 'node:child_process';
import type { FillResult } from './soak-fill';
import { STORM_ROUTINE, STORM_URGENT } from './storm-texts';
import { loadQueue } from '../src/console/queue/data';
import { dashboardStats } from '../src/console/dashboard/stats';
import { periodStats } from '../src/console/dashboard/period';
import { prepareDashboard } from '../src/store/dashboard';
import { createMetrics } from '../src/health/metrics';
import { removeSettledClaims } from '../src/store/housekeeping';
import { storeOf } from '../src/store/store';
import { POSTED_COUNT_KEY } from '../src/store/reply-counts';
import { postedCount } from '../src/store/migrations/003-posted-count';
import { sweepSla } from '../src/queue';
import { toLocal } from '../src/sla/zone';

const say = (l: string) => console.error(l);
const ms = (t: number) => Math.round(performance.now() - t);

function sizesArg(): number[] {
  const i = process.argv.indexOf('--sizes');
  const list = i >= 0 ? process.argv[i + 1]! : '0,10000,100000';
  return list
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0);
}

/** Bytes of every file under dir (SQLite files and their WAL). */
function du(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

/** Peak resident memory of another process (FerretDB), from the kernel. */
function peakRssOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** The pre-fill runs in a child process: the bot's memory figure then holds only the bot. */
function fillInChild(args: Record<string, unknown>): Promise<FillResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(__dirname, 'soak-fill-child.js'), JSON.stringify(args)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as FillResult) : reject(new Error(`pre-fill exited with ${code}`)),
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measureSize(mentions: number, profile: boolean): Promise<Record<string, unknown>> {
  const bot = await startBenchBot({
    label: 'soak',
    monitorCommands: profile,
    runtime: { autoStart: false },
  });
  const { rt, emu } = bot;
  const { ctx } = rt;
  const models = rt.db.models;
  try {
    say(`Soak at ${mentions} stored mentions: pre-filling…`);
    const fill = await fillInChild({
      uri: bot.uri,
      dbName: bot.db.conn.name,
      mentions,
      prefix: ctx.settings.ticketPrefix,
      timeZone: ctx.policy().agency.timeZone,
      agencyId: ctx.account.id,
      agencyUsername: ctx.account.username,
    });
    say(
      `  ${fill.mentions} mentions, ${fill.tickets} tickets (${fill.activeTickets} open or claimed), ${fill.replies} replies, ${fill.state} state, ${fill.counters} counters in ${Math.round(fill.ms / 1000)} s`,
    );
    const report = profile ? profileCommands(bot.db.conn) : undefined;

    global.gc?.();
    let peakRss = process.memoryUsage().rss;
    // The bot's memory by phase: RSS at the end of each phase and its peak during it, MB.
    let phasePeak = peakRss;
    const phases: Record<string, { rssMb: number; peakMb: number; heapMb: number }> = {};
    const mark = (name: string) => {
      const m = process.memoryUsage();
      phasePeak = Math.max(phasePeak, m.rss);
      phases[name] = {
        rssMb: Math.round(m.rss / 1048576),
        peakMb: Math.round(phasePeak / 1048576),
        heapMb: Math.round(m.heapUsed / 1048576),
      };
      phasePeak = m.rss;
    };
    mark('started');
    const rssTimer = setInterval(() => {
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      phasePeak = Math.max(phasePeak, rss);
    }, 50);

    let n = 0;
    const inject20 = () => {
      // 18 complaints (one urgent), and 2 citizens answering an agency announcement: replies in
      // a thread that has no ticket, the pipeline's slowest path.
      const own = emu.injectOwnTweet(`تنبيه: أعمال صيانة في طريق الملك فهد الليلة #${n}`);
      for (let i = 0; i < 20; i++, n++) {
        const texts = i === 0 ? STORM_URGENT : STORM_ROUTINE;
        emu.injectMention({
          text: `${texts[n % texts.length]} #soak${n}`,
          author: `soak_${n % 7 === 0 ? 'repeat' : n}`,
          ...(i >= 18 ? { inReplyToId: own.id } : {}),
        });
      }
    };
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return ms(t);
    };

    // First tick: the process is new (hints and caches empty) and learns X's posting quota.
    inject20();
    const firstTickMs = await timed(() => rt.bot.tick());
    mark('firstTick');
    const ticks: number[] = [];
    for (let k = 0; k < 5; k++) {
      inject20();
      ticks.push(await timed(() => rt.bot.tick()));
    }
    mark('ticks20');
    const idle: number[] = [];
    for (let k = 0; k < 5; k++) idle.push(await timed(() => rt.bot.tick()));
    mark('idleTicks');

    const tickPeakRss = peakRss; // the bot's ticks alone, before the console's pages
    const tz = ctx.policy().agency.timeZone;
    const consoleListMs = await timed(() => loadQueue(ctx.store, { status: 'active', overdue: false }));
    const consoleOverdueMs = await timed(() => loadQueue(ctx.store, { status: 'active', overdue: true }));
    const consoleAllMs = await timed(() => loadQueue(ctx.store, { status: 'all', overdue: false }));
    const consoleResolvedMs = await timed(() => loadQueue(ctx.store, { status: 'resolved', overdue: false }));
    mark('consoleLists');
    // The dashboard of a whole day's work (yesterday's, as it looked at 23:59), and of today so far.
    const local = toLocal(new Date(), tz);
    const lastMinuteOfYesterday = new Date(
      Date.now() - ((local.hour * 60 + local.minute) * 60 + local.second + 60) * 1000,
    );
    // The console builds its dashboard snapshot once, in the background, after it starts.
    const dashboardPrepareMs = await timed(() => prepareDashboard(ctx.store));
    const dashboardMs = await timed(() => dashboardStats(ctx.store, tz, lastMinuteOfYesterday));
    const dashboardTodayMs = await timed(() => dashboardStats(ctx.store, tz));
    // The page's 7- and 30-day view (SLA compliance by category), read when it opens.
    const dashboardPeriod7Ms = await timed(() => periodStats(ctx.store, 7, tz));
    const dashboardPeriod30Ms = await timed(() => periodStats(ctx.store, 30, tz));
    mark('dashboard');
    const metrics = createMetrics(ctx);
    // As after an upgrade: the history is there, /metrics' running total of posted replies is
    // not; migration 3 starts it at start (store/migrations/003-posted-count.ts), then the
    // first scrape reads only today's replies.
    await models.State.deleteOne({ _id: POSTED_COUNT_KEY });
    const metricsMigrationMs = await timed(() => postedCount.up({ conn: bot.db.conn, models }));
    const metricsFirstMs = await timed(() => metrics.metrics());
    const metricsMs = await timed(() => metrics.metrics());
    mark('metrics');
    const sweepMs = await timed(async () =>
      say(`  sweep: ${JSON.stringify(await sweepSla(ctx.store, new Date()))}`),
    );
    const sweepAgainMs = await timed(() => sweepSla(ctx.store, new Date()));
    const housekeepingMs = await timed(async () =>
      say(`  housekeeping: ${JSON.stringify(await removeSettledClaims(storeOf(models), new Date()))}`),
    );
    clearInterval(rssTimer);
    mark('sweepAndHousekeeping');

    const posted = emu.posts().length;
    if (report) say(`Database time by command at ${mentions} (top 25):\n${report()}`);
    const dataDir = bot.ferret?.dataDir;
    const diskBytes = dataDir
      ? du(dataDir)
      : Number((await bot.db.conn.db!.command({ dbStats: 1 })).storageSize ?? 0);
    return {
      mentions,
      tick20Ms: median(ticks),
      idleTickMs: median(idle),
      consoleListMs,
      dashboardMs,
      housekeepingMs,
      sweepMs,
      peakRssMb: Math.round(peakRss / 1048576),
      diskMb: Math.round(diskBytes / 104857.6) / 10,
      firstTickMs,
      tick20AllMs: ticks,
      idleTickAllMs: idle,
      dashboardTodayMs,
      dashboardPeriod7Ms,
      dashboardPeriod30Ms,
      dashboardPrepareMs,
      consoleOverdueMs,
      consoleAllMs,
      consoleResolvedMs,
      metricsMs,
      metricsFirstMs,
      metricsMigrationMs,
      tickPeakRssMb: Math.round(tickPeakRss / 1048576),
      sweepAgainMs,
      ferretPeakRssMb: peakRssOf(bot.ferret?.pid),
      repliesPosted: posted,
      activeTickets: fill.activeTickets,
      prefillS: Math.round(fill.ms / 1000),
      rssPhases: phases,
    };
  } finally {
    await bot.stop();
  }
}

/** One size in a process of its own: the bot's memory then holds no earlier size's leftovers. */
function sizeInChild(n: number, profile: boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', __filename, '--one-size', String(n), ...(profile ? ['--profile'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>)
        : reject(new Error(`soak at ${n} exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const profile = process.argv.includes('--profile');
  const one = process.argv.indexOf('--one-size');
  if (one >= 0) {
    const row = JSON.stringify(await measureSize(Number(process.argv[one + 1]), profile));
    process.stdout.write(`${row}\n`, () => process.exit(0)); // nothing left running may hold it open
    return;
  }
  const sizes: Record<string, unknown>[] = [];
  for (const n of sizesArg()) {
    const row = await sizeInChild(n, profile);
    say(`  ${JSON.stringify(row)}`);
    sizes.push(row);
  }
  if (json) console.log(JSON.stringify({ sizes }));
  else {
    const cols = [
      'mentions',
      'tick20Ms',
      'idleTickMs',
      'consoleListMs',
      'dashboardMs',
      'housekeepingMs',
      'sweepMs',
      'peakRssMb',
      'diskMb',
    ];
    console.log(cols.map((c) => c.padStart(14)).join(''));
    for (const r of sizes) console.log(cols.map((c) => String(r[c]).padStart(14)).join(''));
  }
}

void main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
