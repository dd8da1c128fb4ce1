// Builds the embedded FerretDB once, from the Go module proxy: our tiny wrapper
// (tools/ferretdb) against FerretDB's module with the small fixes in tools/ferretdb/patches.json
// applied to a private copy of its source (the module cache itself is read-only).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

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

interface Patch {
  file: string;
  find: string;
  replace: string;
  why: string;
}

const WRAPPER = path.join(PACKAGE_ROOT, 'tools', 'ferretdb');
const GO_ENV = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod -buildvcs=false' };

// New Go files added to FerretDB's source as they are (the `_` keeps Go tooling out of them).
const OVERLAY = path.join(WRAPPER, '_overlay');

/** The overlay's files, relative to it, in a stable order. */
function overlayFiles(): string[] {
  if (!fs.existsSync(OVERLAY)) return [];
  return fs
    .readdirSync(OVERLAY, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(OVERLAY, path.join(e.parentPath, e.name)))
    .sort();
}

function readPatches(): Patch[] {
  return JSON.parse(fs.readFileSync(path.join(WRAPPER, 'patches.json'), 'utf8')) as Patch[];
}

/** The cached binary's name carries a hash of the wrapper and patches: edit either, get a rebuild. */
export function ferretdbBinaryPath(binDir = path.join(PACKAGE_ROOT, '.mujib', 'bin')): string {
  const hash = crypto.createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'patches.json']) hash.update(fs.readFileSync(path.join(WRAPPER, f)));
  for (const f of overlayFiles()) hash.update(f).update(fs.readFileSync(path.join(OVERLAY, f)));
  return path.join(binDir, `ferretdb-${FERRETDB_VERSION}-${hash.digest('hex').slice(0, 8)}`);
}

function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
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
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const work = fs.mkdtempSync(`${bin}.build-`);
  opts.onProgress?.(
    `Building the embedded database (FerretDB ${FERRETDB_VERSION}) with Go; first time only, about 2 minutes…`,
  );
  const started = Date.now();
  const ticker = setInterval(
    () => opts.onProgress?.(`…still building FerretDB (${Math.round((Date.now() - started) / 1000)} s)`),
    20_000,
  );
  try {
    const wrapper = path.join(work, 'wrapper');
    fs.cpSync(WRAPPER, wrapper, { recursive: true });
    const source = await patchedSource(wrapper, path.join(work, 'ferretdb-src'));
    await go(['mod', 'edit', `-replace=${MODULE}=${source}`], wrapper);
    const built = path.join(work, 'ferretdb.bin');
    await go(['build', '-o', built, '.'], wrapper);
    // Rename is atomic: a concurrent build or reader never sees half a binary.
    fs.renameSync(built, bin);
  } finally {
    clearInterval(ticker);
    fs.rmSync(work, { recursive: true, force: true });
  }
  opts.onProgress?.(
    `Built FerretDB in ${Math.round((Date.now() - started) / 1000)} s (cached in ${path.dirname(bin)})`,
  );
  return bin;
}

/** Copies FerretDB's module source out of the (read-only) module cache and applies our patches. */
async function patchedSource(wrapper: string, into: string): Promise<string> {
  // Downloads the module on a clean machine (an empty module cache) and says where it is.
  const { Dir: dir } = JSON.parse(await go(['mod', 'download', '-json', MODULE], wrapper)) as {
    Dir?: string;
  };
  if (!dir) throw new EmbeddedDbError(`go mod download did not report where ${MODULE} is`);
  fs.cpSync(dir, into, { recursive: true });
  // The module cache is read-only (0444 files, 0555 folders): without this, neither patching
  // nor removing the copy afterwards works for a user other than root.
  fs.chmodSync(into, 0o755);
  for (const e of fs.readdirSync(into, { recursive: true, withFileTypes: true }))
    fs.chmodSync(path.join(e.parentPath, e.name), e.isDirectory() ? 0o755 : 0o644);
  for (const p of readPatches()) {
    const file = path.join(into, p.file);
    const text = fs.readFileSync(file, 'utf8');
    // A patch that no longer matches (FerretDB upgraded) must fail the build, not vanish.
    if (!text.includes(p.find)) {
      throw new EmbeddedDbError(`FerretDB patch no longer applies to ${p.file}: '${p.find}' not found`);
    }
    // A function, so `$'` or `$&` in Go code is written as is, not read as a replacement pattern.
    fs.writeFileSync(
      file,
      text.replace(p.find, () => p.replace),
    );
  }
  for (const f of overlayFiles()) {
    const to = path.join(into, f);
    if (fs.existsSync(to))
      throw new EmbeddedDbError(`FerretDB overlay file ${f} would replace one of its own`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(OVERLAY, f), to);
  }
  return into;
}

async function go(args: string[], cwd: string): Promise<string> {
  const res = await new Promise<{ status: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn('go', args, { cwd, env: GO_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out, err }));
  });
  if (res.status !== 0) {
    throw new EmbeddedDbError(
      `Building FerretDB failed (go ${args[0]} exit ${res.status}): ${(res.err + res.out).trim().slice(-2000)}`,
    );
  }
  return res.out;
}
