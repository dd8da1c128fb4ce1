// npm run bench:latency [-- --tweets N --json]: time from a tweet appearing in the emulator
// to its acknowledgement being posted, with the real runtime on the default poll schedule.
import { startBenchBot } from './bench-bot';
import { percentile, seconds } from './percentile';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--tweets');
  const n = at >= 0 ? Number(args[at + 1]) : 40;
  const json = args.includes('--json');
  const { emu, config: cfg, stop } = await startBenchBot({ label: 'latency' });
  console.error(
    `Injecting ${n} tweets at random moments over ~${Math.round(n * 4.5)} s (poll schedule ${cfg.POLL_SCHEDULE})…`,
  );
  const injected: { id: string; at: number }[] = [];
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 7000));
    const t = emu.injectMention({ text: `حفرة كبيرة في شارع رقم ${i + 1} بحي الملقا`, author: `lat_${i}` });
    injected.push({ id: t.id, at: Date.now() });
  }
  const deadline = Date.now() + 60_000;
  const postedAt = () => new Map(emu.posts().map((p) => [p.inReplyToId, p.createdAt.getTime()]));
  while (Date.now() < deadline && postedAt().size < n) await new Promise((r) => setTimeout(r, 200));
  const posted = postedAt();
  const ms = injected.filter((t) => posted.has(t.id)).map((t) => posted.get(t.id)! - t.at);
  const report = {
    tweets: n,
    answered: ms.length,
    schedule: cfg.POLL_SCHEDULE,
    p50_s: seconds(percentile(ms, 50)),
    p95_s: seconds(percentile(ms, 95)),
    max_s: seconds(Math.max(...ms)),
  };
  await stop();
  if (json) console.log(JSON.stringify(report));
  else for (const [k, v] of Object.entries(report)) console.log(`${k.padEnd(10)} ${v}`);
}

void main();
