// Time and peak memory of loading the shipped pack with each hostile categories.yml of issue 15
// (`node -r ./scripts/ts-register.js bench/hostile-rules.ts [nested|aliases|huge] [--cap-mb N]`).
// Each load runs in its own child process (`--child`), capped in heap and time, so a loader
// that blows up is measured instead of taking the machine down; peak RSS is sampled from /proc.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { copyShippedRules, hostileYaml, type HostileKind } from '../test/support/hostile-rules';

const KINDS: HostileKind[] = ['nested', 'aliases', 'huge'];

async function child(dir: string): Promise<void> {
  const { loadRulePack } = await import('../src/pack/load');
  // The shipped pack first: a warm loader, and the cost of an ordinary valid reload to compare.
  const w0 = process.hrtime.bigint();
  loadRulePack(path.resolve(__dirname, '..', 'rules'));
  const shippedMs = Number(process.hrtime.bigint() - w0) / 1e6;
  const t0 = process.hrtime.bigint();
  const r = loadRulePack(dir);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const first = r.problems[0];
  process.stdout.write(
    JSON.stringify({
      ms,
      shippedMs,
      problems: r.problems.length,
      first: first ? `${path.basename(first.file)}:${first.line}:${first.col}: ${first.message}` : null,
    }),
  );
}

function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function measure(kind: HostileKind, capMb: number, timeoutS: number): Promise<void> {
  const dir = copyShippedRules();
  try {
    fs.writeFileSync(path.join(dir, 'categories.yml'), hostileYaml(kind));
    const size = fs.statSync(path.join(dir, 'categories.yml')).size;
    const t0 = Date.now();
    const p = spawn(
      process.execPath,
      [`--max-old-space-size=${capMb}`, '-r', './scripts/ts-register.js', __filename, '--child', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let peak = 0;
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const sampler = setInterval(() => (peak = Math.max(peak, vmHwmMb(p.pid!))), 50);
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutS * 1000);
    const code = await new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    clearInterval(sampler);
    clearTimeout(timer);
    const wall = (Date.now() - t0) / 1000;
    const line = `${kind.padEnd(8)} ${(size / 1024).toFixed(0).padStart(6)} KB  wall ${wall.toFixed(2)} s  peak RSS ${peak.toFixed(0)} MB`;
    if (code === 0) {
      const r = JSON.parse(out) as { ms: number; shippedMs: number; problems: number; first: string | null };
      const shipped = (r.shippedMs / 1000).toFixed(2);
      console.log(
        `${line}  load ${(r.ms / 1000).toFixed(2)} s (the valid shipped pack: ${shipped} s)  ${r.problems} problem(s): ${r.first ?? 'none'}`,
      );
    } else {
      const why =
        /heap out of memory|Maximum call stack[^\n]*/.exec(err)?.[0] ??
        (code === null ? `killed after ${timeoutS} s` : `exit ${code}`);
      console.log(`${line}  FAILED: ${why}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!);
  const cap = Number(args[args.indexOf('--cap-mb') + 1] || 0) || 1536;
  const timeout = Number(args[args.indexOf('--timeout-s') + 1] || 0) || 60;
  const kinds = args.filter((a): a is HostileKind => (KINDS as string[]).includes(a));
  for (const k of kinds.length ? kinds : KINDS)
    await measure(k, args.includes('--cap-mb') ? cap : 1536, timeout);
}

void main();
