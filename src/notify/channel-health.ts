// "The channel stopped": the bot can no longer read or answer X. Read from the bot's own
// health (src/bot/health.ts). Pure: the caller keeps `since` between ticks.
import type { Health } from '../bot/health';

/** Polling failing for this long counts as stopped (short X hiccups are not worth a call). */
export const POLL_DOWN_MS = 10 * 60_000;

export interface ChannelWatch {
  /** When polling started failing (undefined while it works). */
  pollFailingSince?: Date;
}

/** The stopped-channel subject to record now, if any: one per outage. */
export function channelStopped(
  h: Health,
  w: ChannelWatch,
  now: Date,
): { subject: string; detail: string } | undefined {
  if (h.credentials === 'failing')
    return {
      subject: `x-credentials:${now.toISOString().slice(0, 10)}`,
      detail:
        'X rejected the agency account credentials: no mention is read or answered until they are fixed',
    };
  if (h.lastPollOk === false) {
    w.pollFailingSince ??= now;
    if (now.getTime() - w.pollFailingSince.getTime() >= POLL_DOWN_MS)
      return {
        subject: `x-polling:${w.pollFailingSince.toISOString()}`,
        detail: `reading mentions from X has failed since ${w.pollFailingSince.toISOString()}${h.lastError ? ` (${h.lastError.slice(0, 120)})` : ''}`,
      };
  } else if (h.lastPollOk) delete w.pollFailingSince;
  return undefined;
}
