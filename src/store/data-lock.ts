// One embedded database per data folder. Two FerretDB servers on one SQLite folder corrupt
// each other's view, and a second `mujib start` would wipe the first one's sandbox: the
// folder holds a lock file with the owner's pid (and its FerretDB's), taken atomically.
// A lock whose owner is dead is stale (a SIGKILLed bot) and is taken over, after stopping a
// FerretDB the dead owner left running in this folder.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'mujib.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Mujib (pid ${pid}) is already using the database in ${dataDir}: stop it first, or set MUJIB_DATA_DIR to another folder.`,
    );
    this.name = 'UserError';
  }
}

interface LockInfo {
  pid: number;
  ferretdbPid?: number;
  since: string;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Is `pid` a FerretDB serving this folder (so killing it cannot hit an unrelated process)? */
function isOurFerretDB(pid: number, dataDir: string): boolean {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmd.some((a) => /ferretdb/.test(a)) && cmd.includes(dataDir);
  } catch {
    return false;
  }
}

export interface DataLock {
  /** Records the FerretDB child, so a later owner can stop it if we die without doing so. */
  setFerretDB(pid: number | undefined): void;
  release(): void;
}

/** Takes the folder's lock for this process, or throws DataDirLockedError naming the owner. */
export function lockDataDir(dataDir: string): DataLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, since: new Date().toISOString() };
  const write = () => fs.writeFileSync(file, JSON.stringify(info));
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw e;
    }
    const held = readLock(file);
    if (held && held.pid !== process.pid && isAlive(held.pid))
      throw new DataDirLockedError(dataDir, held.pid);
    if (!held) {
      // Being written this very moment by another starter, or garbage: look again shortly.
      const age = Date.now() - fs.statSync(file).mtimeMs;
      if (age < 2000 && attempt < 3) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
    }
    // Stale: its owner died. Stop the FerretDB it may have left here, then take over.
    if (held?.ferretdbPid && isAlive(held.ferretdbPid) && isOurFerretDB(held.ferretdbPid, dataDir)) {
      try {
        process.kill(held.ferretdbPid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    fs.rmSync(file, { force: true });
  }
  let released = false;
  return {
    setFerretDB(pid) {
      if (pid === undefined) delete info.ferretdbPid;
      else info.ferretdbPid = pid;
      if (!released) write();
    },
    release() {
      if (released) return;
      released = true;
      if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
