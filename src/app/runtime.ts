// Assembles a running Mujib: database, X (real or the sandbox emulator), rules with hot
// reload, the poll/process/post loop, the SLA sweep, and an orderly stop.
import path from 'node:path';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import cron from 'node-cron';
import type { Config } from '../config';
import { xMode } from '../config';
import type { Logger } from '../log';
import { openConfiguredDatabase, type OpenedDatabase } from './setup';
import { createXClient } from '../x/client';
import { createXChannel } from '../x/channel';
import type { XAuth } from '../x/types';
import { refreshingAuth } from '../x/oauth2-db';
import { startEmulator, type Emulator } from '../x/emulator';
import { sweepSla } from '../queue';
import { removeSettledClaims } from '../store/housekeeping';
import { retentionHousekeeping } from '../privacy/housekeeping';
import { createOpen311 } from '../open311/server';
import { resetSandboxWorld } from '../sandbox/reset';
import { createBot, type Bot } from '../bot/bot';
import type { BotContext } from '../bot/context';
import { newHealth } from '../health/state';
import { resolveAccount } from '../bot/account';
import { createLease, type Lease } from '../bot/lease';
import { startHealthServer } from '../health/server';
import { startConsole, addStaff, setStaffPassword, type RunningConsole } from '../console';
import { startRulesRuntime, type RulesRuntime } from '../policy/runtime';
import { startSandboxFeed, type Feed } from '../sandbox/feed';
import { staffNames } from '../store/staff';
import { createNotifier } from '../notify';
import { notifyDeps } from '../bot/notify-deps';
import { inLang } from '../text/lang';

export interface RuntimeOptions {
  cfg: Config;
  log: Logger;
  /** Start the sample-tweet feed in sandbox mode (default: cfg.SANDBOX_FEED). */
  feed?: boolean;
  /** A database already open (tests, simulate); otherwise the configured one. */
  db?: OpenedDatabase;
  /** Use this emulator instead of starting one (sandbox mode only). */
  emulator?: Emulator;
  watchRules?: boolean;
  /** Run on a private emulator even when X credentials are configured (simulate). */
  forceSandbox?: boolean;
  /** Overrides of the bot's internal settings (benchmarks with a compressed clock). */
  settings?: Partial<BotContext['settings']>;
  /** Start the cron schedules (default true); false leaves ticks to the caller. */
  autoStart?: boolean;
}

export interface Runtime {
  ctx: BotContext;
  bot: Bot;
  rules: RulesRuntime;
  db: OpenedDatabase;
  healthUrl?: string;
  /** The staff console, when it runs (and the sandbox's demo sign-in, when one was made). */
  console?: { url: string; demoLogin?: { name: string; password: string } };
  emulator?: Emulator;
  mode: 'x' | 'sandbox';
  lease: Lease;
  stop(): Promise<void>;
  /** Resolves when the bot stopped by itself (e.g. X rejected the credentials). */
  fatal: Promise<string>;
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { cfg, log } = opts;
  const mode = opts.forceSandbox || xMode(cfg) === 'sandbox' ? 'sandbox' : 'x';
  const db = opts.db ?? (await openConfiguredDatabase(cfg));
  const dataDir = path.resolve(cfg.MUJIB_DATA_DIR);
  // Only our own embedded database with our own fresh emulator: never a MONGODB_URI server.
  if (mode === 'sandbox' && !opts.db && !opts.emulator && db.embedded) {
    const removed = await resetSandboxWorld(db.store);
    if (removed)
      log.info(`Sandbox: the emulated X starts empty, so the last sandbox run's tickets were cleared`);
  }

  let emulator: Emulator | undefined;
  let baseUrl = cfg.X_API_BASE_URL;
  let auth: XAuth;
  if (mode === 'sandbox') {
    emulator = opts.emulator ?? (await startEmulator());
    baseUrl = emulator.url;
    // An emulator that verifies OAuth 1.0a signatures (the strict one in tests) gets signed calls.
    const o1 = emulator.oauth1;
    auth = o1
      ? {
          kind: 'oauth1',
          appKey: o1.consumerKey,
          appSecret: o1.consumerSecret,
          accessToken: o1.accessToken,
          accessSecret: o1.accessSecret,
        }
      : cfg.X_OAUTH2_CLIENT_ID
        ? oauth2Refreshing(cfg, db, emulator.url, log)
        : { kind: 'oauth2', token: emulator.token };
  } else if (cfg.X_API_KEY) {
    auth = {
      kind: 'oauth1',
      appKey: cfg.X_API_KEY,
      appSecret: cfg.X_API_SECRET!,
      accessToken: cfg.X_ACCESS_TOKEN!,
      accessSecret: cfg.X_ACCESS_SECRET!,
    };
  } else if (cfg.X_OAUTH2_CLIENT_ID) {
    auth = oauth2Refreshing(cfg, db, baseUrl, log);
  } else {
    auth = { kind: 'oauth2', token: cfg.X_OAUTH2_USER_TOKEN! };
  }
  const x = createXClient({ baseUrl, auth, log });
  const credentialsId = `${baseUrl}|${auth.kind === 'oauth1' ? auth.accessToken : auth.kind === 'oauth2-refresh' ? `oauth2:${cfg.X_OAUTH2_CLIENT_ID}` : auth.token}`;
  const account = await resolveAccount(x, db.store, credentialsId, log);

  const rules = await startRulesRuntime(path.resolve(cfg.RULES_DIR), dataDir, log, {
    watch: opts.watchRules,
  });
  const ctx: BotContext = {
    store: db.store,
    x,
    channel: createXChannel({ client: x, account }),
    account,
    classifier: () => rules.current().classifier,
    policy: () => rules.current().policy,
    settings: {
      lookbackMs: cfg.LOOKBACK_HOURS * 3_600_000,
      ignoreAccounts: cfg.IGNORE_ACCOUNTS,
      ticketPrefix: cfg.TICKET_PREFIX,
      maxPages: 8,
      pageSize: 100,
      postBudget: 50,
      staleReplyMs: cfg.STALE_REPLY_HOURS * 3_600_000,
      postWindowMs: 15 * 60_000,
      ...opts.settings,
    },
    health: newHealth(),
    log,
    now: () => new Date(),
    instanceId: `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  };

  // One voice among many instances: only the lease holder polls and posts.
  const lease = createLease(db.store, {
    name: 'bot',
    holder: ctx.instanceId,
    periodMs: cfg.LEASE_SECONDS * 1000,
  });
  let leader = false;
  const heartbeat = async () => {
    try {
      const was = leader;
      leader = await lease.heartbeat();
      if (leader !== was)
        log.info(
          leader
            ? `This instance now holds the lease (term ${lease.term()})`
            : 'Standing by: another instance holds the lease',
        );
    } catch (e) {
      leader = false;
      ctx.health.database = 'failing';
      log.warn(`Lease heartbeat failed (${(e as Error).message}); standing by`);
    }
  };
  await heartbeat();
  const heartbeatTimer = setInterval(() => void heartbeat(), Math.max(1000, (cfg.LEASE_SECONDS * 1000) / 3));
  // Known once the console listens (below); notifications link to it.
  const consoleLink: { url?: string } = {};
  const notifier = createNotifier(notifyDeps(cfg, ctx, rules, () => consoleLink.url));
  const bot = createBot(ctx, cfg.POLL_SCHEDULE, {
    isLeader: () => leader && lease.held(),
    afterPost: [{ name: 'notify', run: () => notifier.run() }],
  });
  const fatal = new Promise<string>((resolve) => (bot.onFatal = resolve));
  const autoStart = opts.autoStart ?? true;
  const sweep = cron.createTask('0 */5 * * * *', () => {
    sweepSla(ctx.store, new Date())
      .then(
        (r: { breached: number }) =>
          r.breached && log.warn(`SLA sweep: ${r.breached} ticket(s) overdue, priority raised`),
      )
      .catch((e: Error) => log.warn(`SLA sweep failed: ${e.message}`));
  });
  // Daily, at a quiet hour: claims and tokens of settled decisions (store/housekeeping.ts).
  const housekeeping = cron.createTask('0 17 3 * * *', () => {
    removeSettledClaims(ctx.store)
      .then((r) => log.info(`Housekeeping: removed ${r.claims} claims, ${r.tokens} tokens`))
      // Then personal data past its time (rules/privacy.yml, src/privacy).
      .then(() => retentionHousekeeping(ctx.store, path.resolve(cfg.RULES_DIR), log))
      .catch((e: Error) => log.warn(`Housekeeping failed: ${e.message}`));
  });
  let feed: Feed | undefined;
  if (emulator && (opts.feed ?? cfg.SANDBOX_FEED)) feed = startSandboxFeed(emulator, { log });

  const health =
    autoStart && cfg.HEALTH_PORT
      ? await startHealthServer(ctx, {
          port: cfg.HEALTH_PORT,
          host: cfg.HEALTH_HOST,
          extra: () => ({ leader, instance: ctx.instanceId, rules: rules.status() }),
          ...(cfg.CONSOLE_PUBLIC_URL ? { publicUrl: cfg.CONSOLE_PUBLIC_URL } : {}),
          open311: createOpen311({
            store: ctx.store,
            categories: () => rules.current().pack.categories,
            agency: (lang) => inLang(ctx.policy().agency.displayName, lang),
          }),
        })
      : undefined;
  // The demo account only ever lives on our own embedded database (never on MONGODB_URI).
  const demo = mode === 'sandbox' && Boolean(db.embedded);
  const staffConsole = autoStart ? await startStaffConsole(cfg, ctx, rules, demo, log) : undefined;
  consoleLink.url = staffConsole?.running.url;
  if (autoStart) {
    bot.start();
    await sweep.start();
    await housekeeping.start();
  }
  return {
    ctx,
    bot,
    rules,
    healthUrl: health?.url,
    console: staffConsole && { url: staffConsole.running.url, demoLogin: staffConsole.demoLogin },
    db,
    emulator,
    mode,
    fatal,
    lease,
    async stop() {
      clearInterval(heartbeatTimer);
      feed?.stop();
      await sweep.stop();
      await housekeeping.stop();
      await bot.stop();
      await lease.release().catch(() => undefined);
      await health?.stop();
      await staffConsole?.running.stop();
      rules.close();
      if (!opts.emulator) await emulator?.stop();
      if (!opts.db) await db.close();
    },
  };
}

/** OAuth 2.0 with refresh: tokens sealed in the database, rotated before they expire. */
function oauth2Refreshing(cfg: Config, db: OpenedDatabase, baseUrl: string, log: Logger): XAuth {
  return refreshingAuth(db.store, {
    baseUrl,
    clientId: cfg.X_OAUTH2_CLIENT_ID!,
    clientSecret: cfg.X_OAUTH2_CLIENT_SECRET,
    refreshToken: cfg.X_OAUTH2_REFRESH_TOKEN,
    secretKey: cfg.MUJIB_SECRET_KEY!,
    log,
  });
}

/** The staff console beside the bot; a busy port is logged, never fatal to the bot. */
async function startStaffConsole(
  cfg: Config,
  ctx: BotContext,
  rules: RulesRuntime,
  demo: boolean,
  log: Logger,
): Promise<{ running: RunningConsole; demoLogin?: { name: string; password: string } } | undefined> {
  let running: RunningConsole;
  try {
    running = await startConsole({
      store: ctx.store,
      rules: () => rules.current(),
      port: cfg.CONSOLE_PORT,
      host: cfg.CONSOLE_HOST,
      secureCookies: cfg.CONSOLE_SECURE_COOKIES,
      ticketPrefix: cfg.TICKET_PREFIX,
      log,
      rulesStatus: () => rules.status(),
      ...(cfg.CONSOLE_TRUST_PROXY ? { trustProxy: cfg.CONSOLE_TRUST_PROXY } : {}),
      ...(cfg.CONSOLE_PUBLIC_URL ? { publicUrl: cfg.CONSOLE_PUBLIC_URL } : {}),
    });
  } catch (e) {
    log.warn(`Staff console not started (${(e as Error).message}); set CONSOLE_PORT to a free port`);
    return undefined;
  }
  // The sandbox is for trying Mujib: give the newcomer a way into the console at once.
  // A fresh password each start (printed in the banner); real staff accounts are never touched.
  const staff = demo ? await staffNames(ctx.store) : [];
  if (demo && staff.every((name) => name === 'demo')) {
    const demoLogin = { name: 'demo', password: randomBytes(9).toString('base64url') };
    if (staff.length) await setStaffPassword(ctx.store, demoLogin.name, demoLogin.password);
    else await addStaff(ctx.store, demoLogin.name, demoLogin.password);
    return { running, demoLogin };
  }
  return { running };
}
