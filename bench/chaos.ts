// npm run chaos -- --cycles N [--json]
import { runChaos } from './chaos/run';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--cycles');
  const cycles = at >= 0 ? Number(args[at + 1]) : 20;
  const json = args.includes('--json');
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error('--cycles must be a positive whole number');
  const report = await runChaos({ cycles, onProgress: (l) => console.error(l) });
  if (json) console.log(JSON.stringify(report));
  else for (const [k, v] of Object.entries(report)) console.log(`${k.padEnd(17)} ${v}`);
  if (report.duplicateReplies || report.lost || report.wrongReplies) process.exitCode = 1;
}

main().catch((e: Error) => {
  console.error(`chaos: ${e.message}`);
  process.exitCode = 2;
});
