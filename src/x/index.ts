// X API v2: our client (client.ts), its errors and retry helper, and X as a Channel
// (channel.ts, text-rule.ts). The emulator lives in
// ./emulator and is imported from there, so production code never loads it by accident.
export { createXClient, type XClientOptions } from './client';
export * from './errors';
export { withBackoff, backoffDelay, type BackoffOptions } from './backoff';
export type * from './types';
export {
  createXChannel,
  inboundFromTweet,
  xFailure,
  xPermalink,
  X_CHANNEL,
  X_POST_WINDOW_MS,
  type XCursor,
} from './channel';
export { X_TEXT_RULE, X_MAX_WEIGHTED_LENGTH, xWeightedLength, xLinkifies } from '../channel/x-text-rule';
