// What every handler receives: the request, the signed-in session (if any), the UI language
// and the console's dependencies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { ActiveRules, RulesStatus } from '../policy/runtime';
import type { SignInLimiter } from './auth/limiter';
import type { Session } from './auth/sessions';
import type { Translate } from './i18n';
import type { UiLang } from './ui-lang';
import { DEFAULT_TIME_ZONE } from '../sla/zone';

export interface ConsoleApp {
  store: Store;
  rules?: () => ActiveRules;
  log: Logger;
  limiter: SignInLimiter;
  /** Secure cookies even on plain http (behind a TLS-terminating proxy). */
  secureCookies: boolean;
  /** How often open pages poll for changes. */
  pollMs: number;
  /** Proxy addresses whose X-Forwarded-For is believed (CONSOLE_TRUST_PROXY). */
  trustProxy?: string[];
  /** CONSOLE_PUBLIC_URL: the only host name served besides IP addresses and localhost. */
  publicUrl?: string;
  /** Whether the rules on disk are in force (the banner for every signed-in user). */
  rulesStatus?: () => RulesStatus;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  body: Record<string, string>;
  lang: UiLang;
  t: Translate;
  session?: Session;
  /** https as the browser sees it: cookies get Secure. */
  secure: boolean;
  app: ConsoleApp;
}

export type SignedInCtx = Ctx & { session: Session };

/** Current rules, or undefined when the console runs without them (or they failed). */
export function activeRules(app: ConsoleApp): ActiveRules | undefined {
  try {
    return app.rules?.();
  } catch {
    return undefined;
  }
}

export function timeZone(app: ConsoleApp): string {
  return activeRules(app)?.policy.agency.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The category's display name in the UI language (the id when the rules do not know it). */
export function categoryName(app: ConsoleApp, id: string, lang: UiLang): string {
  const c = activeRules(app)?.pack.categories.find((x) => x.id === id);
  return c?.names[lang] ?? id;
}

export function categoryIds(app: ConsoleApp): string[] {
  return activeRules(app)?.pack.categories.map((c) => c.id) ?? [];
}
