// The embedded MongoDB-wire server for tests and the local demo: FerretDB v1 (SQLite
// backend), built once from the Go module proxy as our own tiny wrapper (tools/ferretdb)
// and started on a free 127.0.0.1 port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { buildFerretDB, EmbeddedDbError, type BuildOptions } from './ferretdb-build';
import { lockDataDir, type DataLock } from './data-lock';

export { buildFerretDB, EmbeddedDbError, FERRETDB_VERSION, PACKAGE_ROOT } from './ferretdb-build';
export type { BuildOptions } from './ferretdb-build';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export interface RunningFerretDB {
  uri: string;
  port: number;
  dataDir: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions extends BuildOptions {
  /** Persistent data folder; default a fresh temporary folder removed on stop. */
  dataDir?: string;
  port?: number;
  /** File that receives FerretDB's own log lines. */
  logFile?: string;
}

export async function startFerretDB(opts: StartOptions = {}): Promise<RunningFerretDB> {
  const bin = await buildFerretDB(opts);
  const temporary = !opts.dataDir;
  // A throw-away database lives in memory (tmpfs) when the machine has one: tests and
  // simulations then do not wait on disk syncs.
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(scratchDir(), 'mujib-ferretdb-'));
  fs.mkdirSync(dataDir, { recursive: true });
  // A folder of our own making needs no lock; a persistent one is never served twice.
  const lock: DataLock | undefined = temporary ? undefined : lockDataDir(dataDir);
  const releaseAtExit = () => lock?.release();
  process.once('exit', releaseAtExit);
  try {
    return await launch(bin, dataDir, temporary, opts, lock, releaseAtExit);
  } catch (e) {
    lock?.release();
    process.off('exit', releaseAtExit);
    throw e;
  }
}

async function launch(
  bin: string,
  dataDir: string,
  temporary: boolean,
  opts: StartOptions,
  lock: DataLock | undefined,
  releaseAtExit: () => void,
): Promise<RunningFerretDB> {
  const port = opts.port ?? (await freePort());
  const logFile = opts.logFile ?? path.join(dataDir, 'ferretdb.log');
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(bin, ['--listen-addr', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  lock?.setFerretDB(child.pid);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-10).join('\n');
      throw new EmbeddedDbError(`FerretDB did not start on 127.0.0.1:${port}: ${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    dataDir,
    pid: child.pid,
    async stop() {
      if (exited === undefined) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      lock?.release();
      process.off('exit', releaseAtExit);
      if (temporary) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function scratchDir(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}
