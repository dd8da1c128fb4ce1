// What the notifier (src/notify) needs from a running bot: its rules, health, configuration.
import type { Config } from '../config';
import type { NotifyDeps } from '../notify';
import type { BotContext } from './context';
import type { RulesRuntime } from '../policy/runtime';

export function notifyDeps(
  cfg: Config,
  ctx: BotContext,
  rules: RulesRuntime,
  runningConsoleUrl: () => string | undefined,
): NotifyDeps {
  return {
    store: ctx.store,
    log: ctx.log,
    now: ctx.now,
    instanceId: ctx.instanceId,
    health: ctx.health,
    rules: () => {
      const r = rules.current();
      return {
        notifications: r.policy.notifications,
        timeZone: r.policy.agency.timeZone,
        categoryName: (id: string) => r.pack.categories.find((c) => c.id === id)?.names,
      };
    },
    consoleUrl: () =>
      cfg.CONSOLE_PUBLIC_URL ?? runningConsoleUrl() ?? `http://${cfg.CONSOLE_HOST}:${cfg.CONSOLE_PORT}`,
    ...(cfg.NOTIFY_WEBHOOK_URL
      ? {
          catchAll: {
            url: cfg.NOTIFY_WEBHOOK_URL,
            ...(cfg.NOTIFY_WEBHOOK_SECRET ? { secret: cfg.NOTIFY_WEBHOOK_SECRET } : {}),
          },
        }
      : {}),
    ...(cfg.SMTP_URL ? { smtp: { url: cfg.SMTP_URL, from: cfg.NOTIFY_EMAIL_FROM } } : {}),
    env: process.env,
  };
}
