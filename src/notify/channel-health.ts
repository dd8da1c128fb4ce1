// "The channel stopped": the bot can no longer read or answer X. The decision is the one
// /healthz and the alerts make (src/health/channel.ts), so staff are told exactly when the
// health check fails; this file only names each outage so it is announced once.
import type { Health } from '../health/state';
import { channelHealth, type ChannelProblem } from '../health/channel';

export interface ChannelStop {
  /** One per outage: the problem and when it began (the day, when that is not known). */
  subject: string;
  detail: string;
}

/** The stopped-channel events to record now (none while the channel works). */
export function channelStopped(h: Health, now: Date): ChannelStop[] {
  const state = channelHealth({ health: h, startedAt: h.startedAt ?? now, leader: !h.standby }, now);
  // A database outage cannot be recorded in the database; /healthz and the alerts carry it.
  return state.problems
    .filter((p) => p.code !== 'database')
    .map((p) => ({ subject: subjectOf(p, h, now), detail: p.detail }));
}

function subjectOf(p: ChannelProblem, h: Health, now: Date): string {
  if (p.since) return `x-${p.code}:${p.since.toISOString()}`;
  if (p.code === 'out-of-budget' && h.budget) return `x-${p.code}:${h.budget.until.toISOString()}`;
  return `x-${p.code}:${now.toISOString().slice(0, 10)}`;
}
