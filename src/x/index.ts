// X API v2: our client (client.ts), its errors and retry helper. The emulator lives in
// ./emulator and is imported from there, so production code never loads it by accident.
export { createXClient, type XClientOptions } from './client';
export * from './errors';
export { withBackoff, backoffDelay, type BackoffOptions } from './backoff';
export type * from './types';
