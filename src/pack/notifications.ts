// Loads rules/notifications.yml (optional: no file, nobody but NOTIFY_WEBHOOK_URL is told).
import path from 'node:path';
import type { PackCheck, RulePack } from '../rules/pack';
import type { Problem } from '../rules/problem';
import { notificationsSchema } from '../rules/schemas/notifications';
import { validateWithSchema, type YamlSource } from '../rules/yaml-source';
import { RuleFileError } from '../rules/agency';
import type { NotifyEvent } from '../store/notify-events';

export interface QuietHours {
  /** Minutes after local midnight. */
  from: number;
  to: number;
  except: NotifyEvent[];
}

export interface Recipient {
  name: string;
  events: NotifyEvent[];
  email?: string[];
  webhook?: string;
  secretEnv?: string;
  quietHours?: QuietHours;
}

export interface NotificationRules {
  recipients: Recipient[];
}

export const NOTIFICATIONS_FILE = 'notifications.yml';

type YamlQuiet = { from: string; to: string; except?: NotifyEvent[] };
type Yaml = {
  quietHours?: YamlQuiet;
  recipients?: (Omit<Recipient, 'quietHours'> & { quietHours?: YamlQuiet | 'none' })[];
} | null;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const quiet = (q: YamlQuiet): QuietHours => ({
  from: minutes(q.from),
  to: minutes(q.to),
  except: q.except ?? [],
});

export function compileNotifications(src: YamlSource): { rules?: NotificationRules; problems: Problem[] } {
  const problems = [...src.problems, ...validateWithSchema(src, notificationsSchema)];
  if (problems.length) return { problems };
  const y = (src.data ?? {}) as NonNullable<Yaml>;
  const seen = new Set<string>();
  (y.recipients ?? []).forEach((r, i) => {
    if (!r.email && !r.webhook)
      problems.push(
        src.problemAt(['recipients', i], `recipient '${r.name}' needs an email list or a webhook`),
      );
    if (seen.has(r.name))
      problems.push(src.problemAt(['recipients', i, 'name'], `recipient '${r.name}' is listed twice`));
    seen.add(r.name);
  });
  if (problems.length) return { problems };
  return {
    problems,
    rules: {
      recipients: (y.recipients ?? []).map((r) => {
        const q =
          r.quietHours === 'none'
            ? undefined
            : r.quietHours
              ? quiet(r.quietHours)
              : y.quietHours && quiet(y.quietHours);
        return {
          name: r.name,
          events: r.events,
          ...(r.email ? { email: r.email } : {}),
          ...(r.webhook ? { webhook: r.webhook } : {}),
          ...(r.secretEnv ? { secretEnv: r.secretEnv } : {}),
          ...(q ? { quietHours: q } : {}),
        };
      }),
    },
  };
}

export const notificationsCheck: PackCheck = (pack) => {
  const src = pack.sources[path.join(pack.dir, NOTIFICATIONS_FILE)];
  return src ? compileNotifications(src).problems : [];
};

/** The pack's notification rules (nobody when the pack has no notifications.yml). */
export function notificationsFromPack(pack: RulePack): NotificationRules {
  const src = pack.sources[path.join(pack.dir, NOTIFICATIONS_FILE)];
  if (!src) return { recipients: [] };
  const { rules, problems } = compileNotifications(src);
  if (!rules) throw new RuleFileError(problems);
  return rules;
}
