// The embedded MongoDB-wire server for tests and the local demo: FerretDB v1 (SQLite
// backend), built once from the Go module proxy as our own tiny wrapper (tools/ferretdb)
// and started on a free 127.0.0.1 port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';

/** The package root: the nearest folder up with our package.json (src/, dist/ or a bench build). */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'mujib') return dir;
    } catch {
      // not here: keep looking upwards
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

export class EmbeddedDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDbError';
  }
}

export interface BuildOptions {
  /** Where the binary is cached; default <package>/.mujib/bin. */
  binDir?: string;
  /** Told what is happening while the (slow) first build runs. */
  onProgress?: (line: string) => void;
}

function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

export function ferretdbBinaryPath(binDir = path.join(PACKAGE_ROOT, '.mujib', 'bin')): string {
  return path.join(binDir, `ferretdb-${FERRETDB_VERSION}`);
}

/** Builds the wrapper unless a cached binary exists. Returns the binary's path. */
export async function buildFerretDB(opts: BuildOptions = {}): Promise<string> {
  const bin = ferretdbBinaryPath(opts.binDir);
  if (fs.existsSync(bin)) return bin;
  if (!goAvailable()) {
    throw new EmbeddedDbError(
      'No MONGODB_URI is set and Go is not installed, so the embedded database cannot be built: ' +
        'either install Go 1.24 or newer, or set MONGODB_URI to a MongoDB server.',
    );
  }
  const src = path.join(PACKAGE_ROOT, 'tools', 'ferretdb');
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  opts.onProgress?.(
    `Building the embedded database (FerretDB ${FERRETDB_VERSION}) with Go; first time only, about 2 minutes…`,
  );
  const started = Date.now();
  const ticker = setInterval(
    () => opts.onProgress?.(`…still building FerretDB (${Math.round((Date.now() - started) / 1000)} s)`),
    20_000,
  );
  try {
    const code = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
      const child = spawn('go', ['build', '-o', tmp, '.'], {
        cwd: src,
        env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod -buildvcs=false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, output }));
    });
    if (code.status !== 0) {
      throw new EmbeddedDbError(
        `Building FerretDB failed (go build exit ${code.status}): ${code.output.trim().slice(-2000)}`,
      );
    }
    // Rename is atomic: a concurrent build or reader never sees half a binary.
    fs.renameSync(tmp, bin);
  } finally {
    clearInterval(ticker);
    fs.rmSync(tmp, { force: true });
  }
  opts.onProgress?.(
    `Built FerretDB in ${Math.round((Date.now() - started) / 1000)} s (cached in ${path.dirname(bin)})`,
  );
  return bin;
}

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
  const port = opts.port ?? (await freePort());
  const logFile = opts.logFile ?? path.join(dataDir, 'ferretdb.log');
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(bin, ['--listen-addr', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
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
