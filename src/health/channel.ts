// Is the X channel working? One pure decision from the bot's own health (src/bot/health.ts),
// shared by /healthz (503 with the reasons), /metrics (mujib_channel_problem) and the staff
// notifications: the notifier may call channelHealth() on each run and raise its
// "channel stopped" event from the problems it returns (codes are stable).
import type { Health } from './state';

export type ChannelProblemCode =
  | 'database' // the database does not answer: nothing is stored or posted
  | 'credentials' // X rejected the agency's credentials: nothing is read or posted
  | 'out-of-budget' // X's monthly cap, the app's 24-hour cap, or no credits left
  | 'poll-stale' // no successful read of the mentions for pollStaleMs
  | 'posting-failing'; // replies due but every post attempt has failed for postFailingMs

export const CHANNEL_PROBLEMS: ChannelProblemCode[] = [
  'database',
  'credentials',
  'out-of-budget',
  'poll-stale',
  'posting-failing',
];

export interface ChannelThresholds {
  /** No successful poll for this long is a stop (the default schedule polls every 15 s; an
   * exhausted 15-minute mentions window pauses polling up to 15 min, which is not a stop). */
  pollStaleMs: number;
  /** Posting failing without a success for this long is a stop (short X hiccups are not). */
  postFailingMs: number;
}

export const DEFAULT_CHANNEL_THRESHOLDS: ChannelThresholds = {
  pollStaleMs: 20 * 60_000,
  postFailingMs: 15 * 60_000,
};

export interface ChannelProblem {
  code: ChannelProblemCode;
  /** Since when, when known. */
  since?: Date;
  detail: string;
}

export interface ChannelState {
  ok: boolean;
  problems: ChannelProblem[];
}

export interface ChannelInput {
  health: Health;
  /** When this process started (the first poll is allowed pollStaleMs too). */
  startedAt: Date;
  /** A standby instance (another holds the lease) does not poll or post: only its database counts. */
  leader: boolean;
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

export function channelHealth(
  input: ChannelInput,
  now: Date,
  t: ChannelThresholds = DEFAULT_CHANNEL_THRESHOLDS,
): ChannelState {
  const h = input.health;
  const problems: ChannelProblem[] = [];
  if (h.database === 'failing')
    problems.push({
      code: 'database',
      detail: 'the database does not answer: mentions wait on X, nothing is lost',
    });
  if (input.leader) {
    if (h.credentials === 'failing')
      problems.push({
        code: 'credentials',
        detail: 'X rejected the agency account credentials: fix the X_* settings and restart',
      });
    if (h.budget && h.budget.until > now)
      problems.push({
        code: 'out-of-budget',
        detail: `out of budget on X (${h.budget.why}) until ${h.budget.until.toISOString()}`,
      });
    // lastPollAt is only set by a successful poll (bot.ts).
    const since = h.lastPollAt ?? input.startedAt;
    if (now.getTime() - since.getTime() >= t.pollStaleMs)
      problems.push({
        code: 'poll-stale',
        since,
        detail: `no successful read of the mentions for ${minutes(now.getTime() - since.getTime())}${h.lastError ? ` (last error: ${h.lastError.slice(0, 160)})` : ''}`,
      });
    if (h.postFailingSince && now.getTime() - h.postFailingSince.getTime() >= t.postFailingMs)
      problems.push({
        code: 'posting-failing',
        since: h.postFailingSince,
        detail: `every reply attempt has failed since ${h.postFailingSince.toISOString()}${h.lastPostError ? ` (${h.lastPostError.slice(0, 160)})` : ''}`,
      });
  }
  return { ok: problems.length === 0, problems };
}
