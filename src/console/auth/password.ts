// Password hashing with node's scrypt: slow and memory-hard, a random salt per password,
// parameters stored in the hash so they can be raised later without breaking old hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP's current advice (Password Storage Cheat Sheet): N=2^17, r=8, p=1. That is 128 MiB
// and a few hundred ms per check on one core: a guessing attacker pays that per try; a person
// signing in barely notices. Node refuses more than 32 MiB unless maxmem says so.
export const SCRYPT = { N: 1 << 17, r: 8, p: 1 };
const KEY_LEN = 32;
/** Hashes computed at once: each holds 128 MiB, so a flood of sign-ins must queue, not pile up. */
const MAX_PARALLEL = 2;
// Stored hashes only ever come from us; still, a tampered one must not make us allocate GBs.
const MAX_N = 1 << 20;

let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  if (!(o.N > 1 && o.N <= MAX_N && o.r >= 1 && o.r <= 32 && o.p >= 1 && o.p <= 16))
    return Promise.reject(new Error('unsupported scrypt parameters'));
  // scrypt needs 128·N·r·p bytes; leave headroom for Node's own accounting.
  const opts: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 129 * o.N * o.r * o.p + 1024 * 1024 };
  return slot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, KEY_LEN, opts, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** Is this stored hash weaker than what we hash with now (re-hashed at the next sign-in)? */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split('$');
  return kind !== 'scrypt' || Number(n) < SCRYPT.N || Number(r) < SCRYPT.r || Number(p) < SCRYPT.p;
}

export async function hashPassword(password: string, params = SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  let key: Buffer;
  try {
    key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  } catch {
    return false;
  }
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Checked against when the name is unknown, so a wrong name costs as long as a wrong password
// (no telling which names exist from the response time).
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(12).toString('hex')));
}
