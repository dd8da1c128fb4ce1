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
  /** Posting holds non-urgent replies back for urgent ones (see poster.holdNonUrgent). */
  stormHold?: boolean;
  counts: Record<string, number>;
}

export function newHealth(): Health {
  return { database: 'ok', credentials: 'unknown', counts: {} };
}

export function count(h: Health, key: string, n = 1): void {
  h.counts[key] = (h.counts[key] ?? 0) + n;
}
