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
}

export class XError extends Error {
  readonly endpoint?: XEndpoint;
  readonly status?: number;
  readonly title?: string;
  readonly detail?: string;
  readonly type?: string;
  readonly rateLimit?: RateLimit;

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
  /** deleted: the tweet is gone or hidden; restricted: its author limits who may reply. */
  readonly reason: 'deleted' | 'restricted';
  constructor(message: string, info: XErrorInfo & { reason: 'deleted' | 'restricted' }) {
    super(message, info);
    this.reason = info.reason;
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
  errors?: Array<{ message?: string }>;
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
    const lower = (detail ?? '').toLowerCase();
    if (status === 429) {
      const day = rateLimit?.day;
      const scope = day && day.remaining <= 0 ? '24h' : '15min';
      const resetAt =
        scope === '24h' ? day!.reset : (rateLimit?.reset ?? new Date(Date.now() + DEFAULT_RATE_WAIT_MS));
      return new XRateLimitError(msg, { ...info, resetAt, scope });
    }
    if (status === 403 && lower.includes('duplicate content')) return new XDuplicateError(msg, info);
    if (status === 403 && lower.includes('deleted or not visible'))
      return new XReplyNotAllowedError(msg, { ...info, reason: 'deleted' });
    if (
      status === 403 &&
      /reply to this (conversation|tweet) is not allowed|not allowed to reply/.test(lower)
    )
      return new XReplyNotAllowedError(msg, { ...info, reason: 'restricted' });
    if (status === 403 && lower.includes('too long')) return new XBadRequestError(msg, info);
    if (status === 401 || status === 403) return new XAuthError(msg, info);
    if (status >= 500) return new XTransientError(msg, info);
    return new XBadRequestError(msg, info);
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
