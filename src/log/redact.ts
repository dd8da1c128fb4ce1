// Secrets (X tokens and keys, database passwords) must never reach a log line or an error
// message. Known secret values are registered when config is read; patterns catch the rest
// (a connection string or Authorization header that arrives from somewhere unexpected).

const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  const v = value.trim();
  const pw = uriPassword(v);
  // For a connection string only the password is secret; host and user stay readable.
  const secret = pw ?? v;
  // Very short values would redact ordinary words; nothing real is that short.
  if (!pw && secret.length < 6) return;
  for (const form of encodedForms(secret)) secrets.add(form);
}

/** The password of `scheme://user:password@host…`, parsed the way drivers do: the user ends at
 *  the first ':', the host starts after the last '@' before the path (so an unencoded '@' in
 *  the password stays part of it). */
export function uriPassword(uri: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\S*)@[^@/?#\s]*(?:[/?#]\S*)?$/i.exec(uri);
  if (!m?.[1]) return undefined;
  const userinfo = m[1];
  const colon = userinfo.indexOf(':');
  if (colon < 0) return undefined;
  const raw = userinfo.slice(colon + 1);
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The secret as it may be echoed back: itself, percent-encoded (upper and lower hex, form
 *  encoding) and base64 (standard and URL-safe) at each of the three byte alignments it can
 *  have inside a longer base64 text (e.g. a Basic header of user:secret). */
export function encodedForms(secret: string): Set<string> {
  const forms = new Set<string>([secret]);
  const pct = encodeURIComponent(secret);
  forms.add(pct);
  forms.add(pct.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  forms.add(encodeURI(secret));
  const bytes = Buffer.from(secret, 'utf8');
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes, Buffer.alloc(2)]).toString('base64');
    // Only the characters made of the secret's own bits (none of the padding's).
    const from = Math.ceil((8 * k) / 6);
    const to = Math.floor((8 * (k + bytes.length)) / 6);
    const core = b64.slice(from, to);
    if (core.length < 8) continue;
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  forms.delete('');
  return forms;
}

const MASK = '***';

const patterns: Array<[RegExp, string]> = [
  // scheme://user:password@host — up to the last '@' of the address (a password may hold '@')
  [/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)\S*@(?=[^@/?#\s]*(?:[/?#\s]|$))/gi, `$1${MASK}@`],
  [/(\bBearer\s+)[A-Za-z0-9._~+/=%-]+/g, `$1${MASK}`],
  [/(\bBasic\s+)[A-Za-z0-9+/=]{8,}/g, `$1${MASK}`],
  [/(oauth_(?:token|signature|consumer_key|nonce)=")[^"]*"/g, `$1${MASK}"`],
  [/(\b(?:password|passwd|secret|token|access_token)["']?\s*[:=]\s*["']?)[^"'\s,}&]+/gi, `$1${MASK}`],
];

export function redact(text: string): string {
  let out = text;
  // Longest first: a secret's encoded form may contain a shorter form of another.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
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
