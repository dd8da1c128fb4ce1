// The database's schema version and the migrations that bring an older database up to it.
// Run at every start (store/db.ts), by every instance: each migration is idempotent, so two
// instances starting together both run it safely, and a crash half-way is finished by the
// next start. The version lives in `state` as `schema-version`; a database newer than this
// code (a downgrade) is refused rather than written to with old assumptions.
import type { Migration, MigrationContext } from './types';
import { schemaVersion } from '../state-keys';
import { modelsOf, storeOf, type Store } from '../store';
import { leaseHints } from './001-lease-hints';
import { followUpLookups } from './002-follow-up-lookups';
import { postedCount } from './003-posted-count';

/** Oldest first. Append only; never renumber or edit a released one. */
export const MIGRATIONS: Migration[] = [leaseHints, followUpLookups, postedCount];

/** The schema this code writes. A database without a version is 0 (Mujib 0.1.0). */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export const SCHEMA_VERSION_KEY = schemaVersion.key();

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export async function readSchemaVersion(store: Store): Promise<number> {
  const doc = await modelsOf(store).State.findById(SCHEMA_VERSION_KEY).lean();
  return typeof doc?.value === 'number' ? doc.value : 0;
}

export interface MigrationRun {
  from: number;
  to: number;
  ran: string[];
}

export async function runMigrations(
  ctx: MigrationContext,
  opts: { log?: (line: string) => void } = {},
): Promise<MigrationRun> {
  const from = await readSchemaVersion(storeOf(ctx.models));
  if (from > SCHEMA_VERSION)
    throw new SchemaError(
      `The database has schema version ${from}, newer than this Mujib knows (${SCHEMA_VERSION}): ` +
        'it was upgraded by a newer release. Run that release, or restore a backup taken before the upgrade.',
    );
  const ran: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    opts.log?.(`Database schema ${m.version - 1} → ${m.version}: ${m.name}`);
    await m.up(ctx);
    // Only ever raised: a slower instance finishing an older step never lowers it.
    await ctx.models.State.updateOne(
      { _id: SCHEMA_VERSION_KEY },
      { $max: { value: m.version }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
    ran.push(m.name);
  }
  return { from, to: Math.max(from, SCHEMA_VERSION), ran };
}
