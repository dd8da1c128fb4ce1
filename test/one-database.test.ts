// Issue 15, findings 4 and 7. One embedded database per data folder: a second `mujib start` in
// the same folder refuses in one line (instead of wiping the first one's sandbox), a bot killed
// with SIGKILL leaves no FerretDB running, and the next start takes the stale lock over. And the
// sandbox never runs against MONGODB_URI unasked, nor creates a staff account there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { startRuntime } from '../src/app/runtime';
import { isAlive, LOCK_FILE } from '../src/store/data-lock';
import { openTestDatabase, quietLog, testUri } from './support/db';
import { RULES_DIR } from './support/bot';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'src', 'cli', 'main.ts');

interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** `mujib start` from source, in a folder with no .env, on the sandbox. */
function start(dataDir: string, env: Record<string, string> = {}, args: string[] = []): Started {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'scripts', 'ts-register.js'), CLI, 'start', '--no-feed', ...args],
    {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        MUJIB_DATA_DIR: dataDir,
        RULES_DIR,
        CONSOLE_PORT: '0',
        HEALTH_PORT: '0',
        SANDBOX_FEED: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function until(what: string, ok: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const running = (s: Started) => s.out().includes('Mujib is running');

describe('one embedded database per data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-onedb-'));
  const lockFile = path.join(dataDir, 'data', LOCK_FILE);
  const started: Started[] = [];
  afterAll(async () => {
    for (const s of started)
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second start, leaves nothing running after SIGKILL, takes a stale lock over', async () => {
    const first = start(dataDir);
    started.push(first);
    await until('the first bot', () => running(first) || first.child.exitCode !== null, 240_000);
    expect(first.err()).toBe('');
    expect(running(first)).toBe(true);
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number; ferretdbPid: number };
    expect(lock.pid).toBe(first.child.pid);
    expect(isAlive(lock.ferretdbPid)).toBe(true);

    const second = start(dataDir);
    started.push(second);
    expect(await second.exited).toBe(1);
    const lines = second.err().trim().split('\n');
    expect(lines).toEqual([
      `mujib: Another Mujib (pid ${first.child.pid}) is already using the database in ${path.join(dataDir, 'data')}: stop it first, or set MUJIB_DATA_DIR to another folder.`,
    ]);
    expect(first.child.exitCode).toBeNull(); // the first one is untouched

    first.child.kill('SIGKILL');
    await first.exited;
    const t0 = Date.now();
    await until('the orphaned FerretDB to stop', () => !isAlive(lock.ferretdbPid), 15_000);
    console.log(`FerretDB stopped ${Date.now() - t0} ms after its bot was SIGKILLed`);

    const third = start(dataDir);
    started.push(third);
    await until('the third bot', () => running(third) || third.child.exitCode !== null, 240_000);
    expect(running(third)).toBe(true);
    const taken = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number; ferretdbPid: number };
    expect(taken.pid).toBe(third.child.pid);
    third.child.kill('SIGTERM');
    const code = await third.exited;
    expect([code, third.child.signalCode, third.err()]).toEqual([0, null, '']);
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(isAlive(taken.ferretdbPid)).toBe(false);
  });
});

describe('the sandbox and MONGODB_URI', () => {
  it('refuses to start on MONGODB_URI without X credentials unless --sandbox is given', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-sbx-'));
    try {
      const s = start(dataDir, { MONGODB_URI: testUri() });
      expect(await s.exited).toBe(1);
      expect(s.err().trim().split('\n')).toEqual([
        expect.stringMatching(/^mujib: MONGODB_URI is set but no X credentials are: .* pass --sandbox/),
      ]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with --sandbox on a real database: no demo account, none printed', async () => {
    const db = await openTestDatabase('sandbox_realdb');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-sbx-'));
    try {
      const cfg = loadConfig({
        MUJIB_DATA_DIR: dataDir,
        RULES_DIR,
        CONSOLE_PORT: '0',
        HEALTH_PORT: '0',
        LOG_LEVEL: 'error',
      });
      const rt = await startRuntime({
        cfg,
        log: quietLog,
        db: { ...db, description: 'MongoDB' },
        feed: false,
        watchRules: false,
      });
      try {
        expect(rt.mode).toBe('sandbox');
        expect(rt.console?.url).toBeDefined();
        expect(rt.console?.demoLogin).toBeUndefined();
        expect(await db.models.Staff.countDocuments({})).toBe(0);
      } finally {
        await rt.stop();
      }
    } finally {
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
