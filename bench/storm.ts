// npm run bench:storm [-- --json] [--mentions 5000] [--scale 1] [--profile]  (compiled first,
// so the TypeScript compiler does not count in the memory figure; --profile adds where the
// database time went, on stderr)
// A storm: 5,000 mentions (1.5% urgent) arrive over 10 simulated minutes while X allows 100
// posts per 15 minutes. The clock is compressed by --scale (X's windows, the poll interval
// and the arrival times alike), so the default run takes 10/scale real minutes.
import { startBenchBot } from './bench-bot';
import { percentile, seconds } from './percentile';
import { profileCommands } from './command-profile';
import { STORM_URGENT, STORM_ROUTINE } from './storm-texts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const total = arg('--mentions', 5000);
  const scale = arg('--scale', 1);
  const json = process.argv.includes('--json');
  const profile = process.argv.includes('--profile');
  const say = (l: string) => console.error(l);
  const minute = 60_000 / scale;
  const windowMs = 15 * minute;
  const stormMs = 10 * minute;
  const pollEveryMs = 15_000 / scale;

  const { rt, db, emu, stop } = await startBenchBot({
    label: 'storm',
    monitorCommands: profile,
    emulator: {
      limits: {
        post: { limit: 100, windowMs },
        mentions: { limit: 300, windowMs },
        timeline: { limit: 900, windowMs },
      },
    },
    runtime: { autoStart: false, settings: { postWindowMs: windowMs, staleReplyMs: 24 * 3_600_000 } },
  });
  const commandReport = profile ? profileCommands(db.conn) : undefined;

  // Arrival times: uniform over the storm; 1.5% urgent.
  const arrivals = Array.from({ length: total }, (_, i) => ({
    at: Math.random() * stormMs,
    urgent: i % 67 === 0,
    i,
  })).sort((a, b) => a.at - b.at);
  const urgentIds = new Set<string>();
  const injectedAt = new Map<string, number>();

  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

  let ticking = true;
  const ticker = (async () => {
    while (ticking) {
      const t = Date.now();
      await rt.bot.tick();
      await sleep(Math.max(0, pollEveryMs - (Date.now() - t)));
    }
  })();

  say(
    `Storm: ${total} mentions over ${(stormMs / 1000).toFixed(0)} s real (10 simulated minutes, scale ${scale}); X window ${(windowMs / 1000).toFixed(0)} s, 100 posts`,
  );
  const start = Date.now();
  for (const a of arrivals) {
    const wait = start + a.at - Date.now();
    if (wait > 0) await sleep(wait);
    const texts = a.urgent ? STORM_URGENT : STORM_ROUTINE;
    const text = `${texts[a.i % texts.length]} #${a.i}`;
    const t = emu.injectMention({ text, author: `storm_${a.i}` });
    injectedAt.set(t.id, Date.now());
    if (a.urgent) urgentIds.add(t.id);
    if (a.i % 500 === 0)
      say(
        `  ${Math.round((Date.now() - start) / 1000)} s: ${injectedAt.size} injected, ${emu.posts().length} replies posted`,
      );
  }
  // Let the bot fetch and triage the tail, and the first quota window run out.
  const { Mention, Reply } = rt.db.models;
  const firstPostAt = () => emu.posts()[0]?.createdAt.getTime() ?? Date.now();
  const deadline = Date.now() + 5 * minute;
  while (Date.now() < deadline) {
    const pending = await Mention.countDocuments({ status: 'new' });
    const stored = await Mention.countDocuments({});
    if (stored >= total && pending === 0 && Date.now() > firstPostAt() + windowMs) break;
    // Not more often: on FerretDB each count reads every mention, competing with the bot.
    await sleep(5000);
  }
  ticking = false;
  await ticker;
  clearInterval(rssTimer);

  // Measure.
  const ids = [...injectedAt.keys()];
  const mentions = await Mention.find(
    { _id: { $in: ids } },
    { fetchedAt: 1, processedAt: 1, status: 1, classification: 1 },
  ).lean();
  const triage = mentions
    .filter((m) => m.processedAt)
    .map((m) => new Date(m.processedAt!).getTime() - new Date(m.fetchedAt).getTime());
  const replies = await Reply.find({ inReplyToTweetId: { $in: ids } }).lean();
  const windowEnd = firstPostAt() + windowMs;
  const posts = emu.posts();
  const postedAt = new Map(posts.map((p) => [p.inReplyToId!, p.createdAt.getTime()]));
  const urgentDetected = mentions.filter(
    (m) => urgentIds.has(m._id as string) && (m.classification as { urgent?: boolean })?.urgent,
  ).length;
  const urgentInFirstWindow = [...urgentIds].filter(
    (id) => (postedAt.get(id) ?? Infinity) < windowEnd,
  ).length;
  // Priority inversions: a non-urgent reply posted while an urgent one was already waiting.
  const urgentReplies = replies.filter((r) => urgentIds.has(r.inReplyToTweetId));
  let inversions = 0;
  for (const p of posts) {
    if (urgentIds.has(p.inReplyToId!)) continue;
    const t = p.createdAt.getTime();
    if (
      urgentReplies.some(
        (u) => new Date(u.plannedAt).getTime() < t && (postedAt.get(u.inReplyToTweetId) ?? Infinity) > t,
      )
    )
      inversions++;
  }
  const accountedFor = replies.filter((r) =>
    ['planned', 'posted', 'stale', 'failed'].includes(r.status),
  ).length;
  const ignored = mentions.filter(
    (m) => (m.classification as { plan?: { action?: string } })?.plan?.action === 'ignore',
  ).length;
  const urgentTriage = mentions
    .filter((m) => urgentIds.has(m._id as string) && m.processedAt)
    .map((m) => new Date(m.processedAt!).getTime() - new Date(m.fetchedAt).getTime());
  const report = {
    mentions: total,
    stored: mentions.length,
    triaged: triage.length,
    fetchToTriaged_p50_s: seconds(percentile(triage, 50)),
    fetchToTriaged_p95_s: seconds(percentile(triage, 95)),
    fetchToTriaged_max_s: seconds(Math.max(...triage)),
    urgent: urgentIds.size,
    urgentDetected,
    urgentAckedInFirstWindow: urgentInFirstWindow,
    urgentShareFirstWindow: +(urgentInFirstWindow / Math.max(1, urgentIds.size)).toFixed(3),
    postsInFirstWindow: posts.filter((p) => p.createdAt.getTime() < windowEnd).length,
    priorityInversions: inversions,
    repliesPlannedOrPosted: accountedFor,
    ignoredAsSpam: ignored,
    urgentFetchToTriaged_p95_s: seconds(percentile(urgentTriage, 95)),
    // Stored but still waiting for triage when the run ended (not lost: they stay queued).
    untriagedAtEnd: mentions.length - triage.length,
    // Lost: never stored, or triaged without the ticket/reply its decision called for.
    lost: total - mentions.length + Math.max(0, triage.length - ignored - accountedFor),
    peakRssMb: Math.round(peakRss / 1048576),
    realSeconds: Math.round((Date.now() - start) / 1000),
    scale,
  };
  await stop();
  if (commandReport) say(`Database time by command (top 25):\n${commandReport()}`);
  if (json) console.log(JSON.stringify(report));
  else for (const [k, v] of Object.entries(report)) console.log(`${k.padEnd(28)} ${v}`);
}

void main();
