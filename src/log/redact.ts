// Secrets (X tokens and keys, database passwords) must never reach a log line or an error
// message. Known secret values are registered when config is read; patterns catch the rest
// (a connection string or Authorization header that arrives from somewhere unexpected).

const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  const v = value.trim();
  const pw = uriPassword(v);
  if (pw) {
    // For a connection string only the password is secret; host and user stay readable.
    secrets.add(pw);
    secrets.add(encodeURIComponent(pw));
    return;
  }
  // Very short values would redact ordinary words; nothing real is that short.
  if (v.length >= 6) secrets.add(v);
}

function uriPassword(uri: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i.exec(uri);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

const MASK = '***';

const patterns: Array<[RegExp, string]> = [
  // scheme://user:password@host
  [/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi, `$1${MASK}@`],
  [/(\bBearer\s+)[A-Za-z0-9._~+/=%-]+/g, `$1${MASK}`],
  [/(\bBasic\s+)[A-Za-z0-9+/=]{8,}/g, `$1${MASK}`],
  [/(oauth_(?:token|signature|consumer_key|nonce)=")[^"]*"/g, `$1${MASK}"`],
  [/(\b(?:password|passwd|secret|token|access_token)["']?\s*[:=]\s*["']?)[^"'\s,}&]+/gi, `$1${MASK}`],
];

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(MASK);
  }
  for (const [re, rep] of patterns) out = out.replace(re, rep);
  return out;
}

/** Deep-copies a log payload with every string redacted; Errors become plain objects. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redact(value.message),
      stack: value.stack ? redact(value.stack) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth + 1);
  return out;
}

/** For tests: forget registered secrets. */
export function clearSecrets(): void {
  secrets.clear();
}
