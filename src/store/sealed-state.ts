// State documents whose value is encrypted at rest (AES-256-GCM): OAuth tokens, which grant
// posting as the agency. The key comes from the environment (MUJIB_SECRET_KEY), never from the
// database, so a copied database or backup alone cannot post. A wrong key fails loudly.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { modelsOf, type Store } from './store';

export class SealedStateError extends Error {}

/** 32 bytes as 64 hex digits or base64; any other text (≥ 16 chars) is hashed into a key. */
export function secretKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, 'hex');
  const b64 = Buffer.from(t, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/_-]{43}=?$/.test(t)) return b64;
  if (t.length < 16)
    throw new SealedStateError('MUJIB_SECRET_KEY must be 32 bytes (hex or base64) or at least 16 characters');
  return createHash('sha256').update(t, 'utf8').digest();
}

interface Sealed {
  v: 1;
  alg: 'aes-256-gcm';
  iv: string;
  tag: string;
  data: string;
}

export function seal(value: unknown, key: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
  return {
    v: 1,
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: c.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function unseal<T>(s: Sealed, key: Buffer, aad: string): T {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    const text = Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
    return JSON.parse(text) as T;
  } catch {
    throw new SealedStateError(
      `the stored ${aad} cannot be decrypted: MUJIB_SECRET_KEY is not the key it was stored with`,
    );
  }
}

/** The key names the document (as AAD), so a sealed value cannot be moved to another key. */
export async function getSealedState<T>(store: Store, id: string, key: Buffer): Promise<T | undefined> {
  const doc = await modelsOf(store).State.findById(id).lean();
  const v = doc?.value as Sealed | undefined;
  if (!v) return undefined;
  if (v.alg !== 'aes-256-gcm') throw new SealedStateError(`${id} is not a sealed value`);
  return unseal<T>(v, key, id);
}

export async function setSealedState(store: Store, id: string, value: unknown, key: Buffer): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: id },
    { $set: { value: seal(value, key, id), updatedAt: new Date() } },
    { upsert: true },
  );
}
