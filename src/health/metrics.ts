// Prometheus metrics (prom-client). Counters mirror the bot's health counts; queue depth and
// pending replies are read from the database at scrape time, so every instance reports the
// shared truth rather than its own view (store/reply-counts.ts: without reading all history).
import client from 'prom-client';
import type { Observed } from './observed';
import { queueDepth, replyCounts } from '../store/reply-counts';
import { CHANNEL_PROBLEMS, channelHealth, type ChannelState } from './channel';

export function createMetrics(ctx: Observed): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'mujib_process_' });

  new client.Gauge({
    name: 'mujib_events_total',
    help: 'Events counted since start, by kind (mentions_fetched, replies_posted, errors_transient, ...)',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, n] of Object.entries(ctx.health.counts)) this.set({ kind }, n);
    },
  });
  new client.Gauge({
    name: 'mujib_replies',
    help: 'Replies in the outbox by status (planned = pending acknowledgements)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await replyCounts(ctx.store))) this.set({ status }, n);
    },
  });
  new client.Gauge({
    name: 'mujib_queue_depth',
    help: 'Open and claimed tickets by priority (1 = urgent)',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      this.reset();
      const depth = await queueDepth(ctx.store);
      for (const priority of [1, 2, 3, 4]) this.set({ priority: String(priority) }, depth.get(priority) ?? 0);
    },
  });
  new client.Gauge({
    name: 'mujib_x_rate_limit_remaining',
    help: 'Requests X said remain in the current window, by endpoint',
    labelNames: ['endpoint', 'window'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [endpoint, rl] of Object.entries(ctx.channel.limits().byEndpoint)) {
        if (!rl) continue;
        this.set({ endpoint, window: '15min' }, rl.remaining);
        if (rl.day) this.set({ endpoint, window: '24h' }, rl.day.remaining);
      }
    },
  });
  new client.Gauge({
    name: 'mujib_up',
    help: '1 when the channel works: the database answers and (on the lease holder) X is read and answered (see mujib_channel_problem)',
    registers: [registry],
    collect() {
      this.set(isHealthy(ctx) ? 1 : 0);
    },
  });
  new client.Gauge({
    name: 'mujib_channel_problem',
    help: '1 while this problem stops the channel: database, credentials, out-of-budget, poll-stale, posting-failing',
    labelNames: ['problem'],
    registers: [registry],
    collect() {
      const found = new Set(channelOf(ctx).problems.map((p) => p.code));
      for (const problem of CHANNEL_PROBLEMS) this.set({ problem }, found.has(problem) ? 1 : 0);
    },
  });
  new client.Gauge({
    name: 'mujib_leader',
    help: '1 on the instance holding the lease (it polls and posts), 0 on a standby',
    registers: [registry],
    collect() {
      this.set(ctx.health.standby ? 0 : 1);
    },
  });
  new client.Gauge({
    name: 'mujib_last_poll_success_timestamp_seconds',
    help: 'Unix time of the last successful read of the mentions (0: none since start)',
    registers: [registry],
    collect() {
      this.set((ctx.health.lastPollAt?.getTime() ?? 0) / 1000);
    },
  });
  new client.Gauge({
    name: 'mujib_last_post_success_timestamp_seconds',
    help: 'Unix time of the last reply X accepted (0: none since start)',
    registers: [registry],
    collect() {
      this.set((ctx.health.lastPostAt?.getTime() ?? 0) / 1000);
    },
  });
  return registry;
}

/** The channel's state now (health/channel.ts): what /healthz, mujib_up and the alerts report. */
export function channelOf(ctx: Observed): ChannelState {
  const h = ctx.health;
  return channelHealth({ health: h, startedAt: h.startedAt ?? ctx.now(), leader: !h.standby }, ctx.now());
}

export function isHealthy(ctx: Observed): boolean {
  return channelOf(ctx).ok;
}
