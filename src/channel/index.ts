// The Channel port (types.ts), post references and the storage-key rule (ids.ts), the text
// length rule (text-rule.ts) and the channels a bot serves (registry.ts). Adapters: src/x/.
export * from './ids';
export * from './text-rule';
export { createChannels, type Channels } from './registry';
export { findOwnReply } from './reconcile';
export type * from './types';
