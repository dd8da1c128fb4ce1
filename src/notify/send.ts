// The two ways out: an HTTP POST (webhook) signed with HMAC-SHA256, and SMTP through
// nodemailer. Both throw on failure; the caller retries.
import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

export const SIGNATURE_HEADER = 'x-mujib-signature-256';
export const DELIVERY_HEADER = 'x-mujib-delivery';
export const EVENT_HEADER = 'x-mujib-event';

/** "sha256=<hex>" of the raw body, as GitHub signs its webhooks. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** Retrying cannot help (4xx other than 408/429). */
    readonly permanent = false,
  ) {
    super(message);
  }
}

export async function postWebhook(
  url: string,
  body: Record<string, unknown>,
  o: { secret?: string; timeoutMs?: number } = {},
): Promise<void> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Mujib-Notify/1',
    [DELIVERY_HEADER]: String(body.id),
    [EVENT_HEADER]: String(body.event),
  };
  if (o.secret) headers[SIGNATURE_HEADER] = sign(o.secret, text);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers,
      body: text,
      redirect: 'error',
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
    });
  } catch (e) {
    // Never the URL itself: a Slack or Teams URL is a secret.
    throw new DeliveryError(`webhook unreachable (${(e as Error).name})`);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.ok) return;
  throw new DeliveryError(
    `webhook answered ${res.status}`,
    res.status >= 400 && res.status < 500 && ![408, 429].includes(res.status),
  );
}

const transports = new Map<string, Transporter>();

export async function sendEmail(
  smtpUrl: string,
  m: { from: string; to: string[]; subject: string; text: string; messageId: string },
): Promise<void> {
  let t = transports.get(smtpUrl);
  if (!t) transports.set(smtpUrl, (t = nodemailer.createTransport(smtpUrl)));
  try {
    // A stable Message-ID per delivery: a retry after a lost answer reads as the same mail.
    await t.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
  } catch (e) {
    const code = (e as { responseCode?: number }).responseCode;
    throw new DeliveryError(`mail not sent (${code ?? (e as { code?: string }).code ?? 'error'})`);
  }
}

export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
