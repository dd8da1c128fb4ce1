// What the bot knows about its own state, for logs now and /healthz later.
export interface Health {
  lastPollAt?: Date;
  lastPollOk?: boolean;
  lastError?: string;
  database: 'ok' | 'failing';
  credentials: 'ok' | 'failing' | 'unknown';
  /** Posting waits until then (X answered 429). */
  postPausedUntil?: Date;
  /** Out of budget on X (monthly usage cap, app 24-hour cap, no credits): until when. */
  budget?: {
    status: 'out of budget';
    why: 'monthly-cap' | 'app-24h' | 'payment';
    until: Date;
    message: string;
  };
  /** When this process started (the channel alert allows the first poll a grace period). */
  startedAt?: Date;
  /** Another instance holds the lease: this one neither polls nor posts. */
  standby?: boolean;
  /** The last reply X accepted (or found already posted). */
  lastPostAt?: Date;
  /** Set by the first failed post attempt after a success (5xx, timeouts); cleared by a success. */
  postFailingSince?: Date;
  lastPostError?: string;
  /** Posting holds non-urgent replies back for urgent ones (see poster.holdNonUrgent). */
  stormHold?: boolean;
  counts: Record<string, number>;
}

export function newHealth(): Health {
  return { database: 'ok', credentials: 'unknown', counts: {}, startedAt: new Date() };
}

export function count(h: Health, key: string, n = 1): void {
  h.counts[key] = (h.counts[key] ?? 0) + n;
}
