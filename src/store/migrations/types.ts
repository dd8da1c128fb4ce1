// What a migration is, apart from the list of them (index.ts), so migrations can name it.
import type { Connection } from 'mongoose';
import type { Models } from '../models';

export interface Migration {
  /** The schema version the database has once this migration has run. */
  version: number;
  name: string;
  /** Must be idempotent: safe to run twice, concurrently, or after a crash half-way. */
  up(ctx: MigrationContext): Promise<void>;
}

export interface MigrationContext {
  conn: Connection;
  models: Models;
}
