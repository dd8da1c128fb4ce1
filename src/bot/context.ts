// Everything the bot's steps need, passed explicitly so tests and the sandbox can build one
// with a private database, emulator and rules.
import type { Store } from '../store/store';
import type { Logger } from '../log';
import type { XClient } from '../x/types';
import type { Channel } from '../channel/types';
import type { Classifier } from '../classify/types';
import type { Health } from '../health/state';
import type { Policy } from '../policy/policy';

export interface BotSettings {
  /** Mentions older than this are stored but never answered. */
  lookbackMs: number;
  /** Lower-cased handles (no @) whose mentions are stored but not answered. */
  ignoreAccounts: string[];
  ticketPrefix: string;
  /** Most pages fetched per poll (X only reaches the ~800 newest mentions anyway). */
  maxPages: number;
  /** Mentions per page, 5-100 (X's bounds). */
  pageSize: number;
  /** Most replies posted per tick. */
  postBudget: number;
  /** Length of X's posting rate-limit window (15 minutes on X). */
  postWindowMs: number;
  /** Acknowledgements older than this are not posted (see poster.isStale). */
  staleReplyMs: number;
  /** Out of budget with no reset time from X (monthly cap, 402): try again after this long. */
  budgetProbeMs?: number;
}

export interface BotContext {
  store: Store;
  /** The X client: the poller and poster still call it directly; new code talks to `channel`. */
  x: XClient;
  /** Where mentions come from and replies go (X today: src/x/channel.ts over `x`). */
  channel: Channel;
  /** The agency's own account, from /2/users/me. */
  account: { id: string; username: string; name?: string };
  /** Read on every use: hot-reloaded rules replace what these return. */
  classifier: () => Classifier;
  policy: () => Policy;
  settings: BotSettings;
  health: Health;
  log: Logger;
  now: () => Date;
  /** Names this process in claims and leases (host:pid:random). */
  instanceId: string;
}
