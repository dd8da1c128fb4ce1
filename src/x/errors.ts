// Every way an X call fails, as one typed error each, mapped from twitter-api-v2's errors.
// Messages carry X's title/detail and our endpoint name, never headers or tokens; the
// library's error (which holds the signed request) is deliberately not kept as `cause`.
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { redact } from '../log/redact';
import { toRateLimit } from './rate-limits';
import type { RateLimit, XEndpoint } from './types';

export interface XErrorInfo {
  endpoint?: XEndpoint;
  status?: number;
  /** X's problem `title` / `detail` / `type`, when it sent one. */
  title?: string;
  detail?: string;
  type?: string;
  rateLimit?: RateLimit;
  /** X's problem body as JSON, secrets redacted, cut to 1,000 characters (for logs). */
  problem?: string;
}

export class XError extends Error {
  readonly endpoint?: XEndpoint;
  readonly status?: number;
  readonly title?: string;
  readonly detail?: string;
  readonly type?: string;
  readonly rateLimit?: RateLimit;
  readonly problem?: string;

  constructor(message: string, info: XErrorInfo = {}) {
    super(redact(message));
    this.name = new.target.name;
    Object.assign(this, info);
  }
}

/** 401, or a 403 about our credentials/app: retrying will not help; a human must act. */
export class XAuthError extends XError {}

export class XRateLimitError extends XError {
  readonly resetAt: Date;
  readonly scope: '15min' | '24h';
  constructor(message: string, info: XErrorInfo & { resetAt: Date; scope: '15min' | '24h' }) {
    super(message, info);
    this.resetAt = info.resetAt;
    this.scope = info.scope;
  }
}

/** X refuses text identical to one of the account's recent tweets. */
export class XDuplicateError extends XError {}

export class XReplyNotAllowedError extends XError {
  /**
   * deleted: the tweet is gone or hidden; restricted: its author (or X's reply rule) limits
   * who may reply; refused: any other per-post 403 (`knownWording` false: a wording we have
   * not seen before, worth a log line).
   */
  readonly reason: 'deleted' | 'restricted' | 'refused';
  readonly knownWording: boolean;
  constructor(
    message: string,
    info: XErrorInfo & { reason: 'deleted' | 'restricted' | 'refused'; knownWording?: boolean },
  ) {
    super(message, info);
    this.reason = info.reason;
    this.knownWording = info.knownWording ?? true;
  }
}

/**
 * Out of budget: X's monthly usage cap (429 UsageCapExceeded while the 15-minute window still
 * has room), the app's 24-hour cap (x-app-limit-24hour-remaining 0) or no credits left (402).
 * Nothing is wrong with the request: it waits (resetAt when X says, else the caller probes).
 */
export class XBudgetError extends XError {
  readonly why: 'monthly-cap' | 'app-24h' | 'payment';
  readonly resetAt?: Date;
  constructor(
    message: string,
    info: XErrorInfo & { why: 'monthly-cap' | 'app-24h' | 'payment'; resetAt?: Date },
  ) {
    super(message, info);
    this.why = info.why;
    this.resetAt = info.resetAt;
  }
}

/** 400 and friends: our request is wrong (too long, bad parameter); do not retry as is. */
export class XBadRequestError extends XError {}

/** 5xx, timeouts, refused or dropped connections: worth retrying later. */
export class XTransientError extends XError {}

const DEFAULT_RATE_WAIT_MS = 15 * 60 * 1000;

interface ProblemData {
  title?: string;
  detail?: string;
  type?: string;
  reason?: string;
  errors?: Array<{ message?: string }>;
}

// 403s that mean our own app or account cannot act (suspended, not enrolled in a project,
// wrong kind of token or app permissions): no post will succeed until a person fixes it.
const CREDENTIAL_403 = [
  /suspended/,
  /client-not-enrolled|official-client-forbidden|must use keys and tokens from a .*project/,
  /unsupported authentication|application-only is forbidden/,
  /app permissions|oauth1 app permissions|read-only application|cannot perform write actions/,
  /account (is )?(locked|temporarily locked)/,
];
const RESTRICTED_403 = [
  /reply to this (conversation|tweet|post) is not allowed/,
  /not allowed to reply/,
  /you can only reply to or quote posts where you are mentioned/,
  /have not been mentioned or otherwise engaged/,
];
const DELETED_403 = [/deleted or not visible/, /tweet (that|which) (is|has been) deleted/, /post .*deleted/];

function classify(
  status: number,
  data: ProblemData,
  info: XErrorInfo,
  msg: string,
  endpoint: XEndpoint,
): XError {
  const lower =
    `${data.title ?? ''} | ${data.detail ?? ''} | ${info.detail ?? ''} | ${data.type ?? ''} | ${data.reason ?? ''}`.toLowerCase();
  const rateLimit = info.rateLimit;
  const now = Date.now();
  if (status === 402) return new XBudgetError(msg, { ...info, why: 'payment' });
  if (status === 429) {
    const app = rateLimit?.appDay;
    if (app && app.remaining <= 0 && app.reset.getTime() > now)
      return new XBudgetError(msg, { ...info, why: 'app-24h', resetAt: app.reset });
    const day = rateLimit?.day;
    const scope = day && day.remaining <= 0 ? '24h' : '15min';
    // The monthly cap: X says so in the problem, or no window it reports has run out.
    if (
      /usage-capped|usagecapexceeded|usage cap/.test(lower) ||
      (scope === '15min' && rateLimit && rateLimit.remaining > 0)
    )
      return new XBudgetError(msg, { ...info, why: 'monthly-cap' });
    const resetAt = scope === '24h' ? day!.reset : (rateLimit?.reset ?? new Date(now + DEFAULT_RATE_WAIT_MS));
    return new XRateLimitError(msg, { ...info, resetAt, scope });
  }
  if (status === 401) return new XAuthError(msg, info);
  if (status === 403) {
    if (endpoint === 'me' || CREDENTIAL_403.some((r) => r.test(lower))) return new XAuthError(msg, info);
    if (endpoint !== 'post') return new XBadRequestError(msg, info);
    if (lower.includes('duplicate content')) return new XDuplicateError(msg, info);
    if (DELETED_403.some((r) => r.test(lower)))
      return new XReplyNotAllowedError(msg, { ...info, reason: 'deleted' });
    if (RESTRICTED_403.some((r) => r.test(lower)))
      return new XReplyNotAllowedError(msg, { ...info, reason: 'restricted' });
    if (lower.includes('too long')) return new XBadRequestError(msg, info);
    // Any other wording is about this post only: refuse it, never stop all posting.
    return new XReplyNotAllowedError(msg, { ...info, reason: 'refused', knownWording: false });
  }
  if (status >= 500) return new XTransientError(msg, info);
  return new XBadRequestError(msg, info);
}

/** twitter-api-v2 error (or anything thrown while calling it) → one of the errors above. */
export function toXError(e: unknown, endpoint: XEndpoint): Error {
  if (e instanceof XError) return e;
  if (e instanceof ApiResponseError) {
    const status = e.code;
    const data = (e.data ?? {}) as ProblemData;
    const firstMessage = data.errors?.find((x) => typeof x?.message === 'string')?.message;
    const detail = data.detail ?? firstMessage;
    // A 400's detail is generic ("One or more parameters…"); the real reason is in errors[].
    const why = status === 400 && firstMessage ? firstMessage : (detail ?? data.title ?? 'no detail');
    const rateLimit = e.rateLimit ? toRateLimit(e.rateLimit) : undefined;
    const info: XErrorInfo = { endpoint, status, title: data.title, detail, type: data.type, rateLimit };
    const msg = `X ${endpoint}: ${status} ${data.title ?? ''}${data.title ? ': ' : ''}${why}`;
    info.problem = redact(JSON.stringify(e.data ?? null)).slice(0, 1000);
    return classify(status, data, info, msg, endpoint);
  }
  if (e instanceof ApiPartialResponseError) {
    return new XTransientError(`X ${endpoint}: response cut off (${e.message})`, { endpoint });
  }
  if (e instanceof ApiRequestError) {
    const cause = e.requestError as (Error & { code?: string }) | undefined;
    const what = cause?.code ?? cause?.message ?? e.message;
    return new XTransientError(`X ${endpoint}: request failed (${what})`, { endpoint });
  }
  return e instanceof Error ? e : new Error(String(e));
}
