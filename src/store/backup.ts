// Backups through the driver (no mongodump: the embedded FerretDB and a MongoDB server alike).
// An archive is one gzip'd file of lines:
//   {"mujibBackup":1,"schemaVersion":1,"mujibVersion":"0.1.0","createdAt":…,"database":…}
//   {"collection":"mentions","indexes":[…]}          before each collection's documents
//   {"c":"mentions","d":{…canonical Extended JSON…}} one per document, types kept exactly
//   {"end":true,"counts":{"mentions":1234,…}}        last: a cut-off archive has no such line
// Restore reads the whole archive once to check it before it writes anything.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import mongoose, { type Connection } from 'mongoose';
import { ensureIndexes, modelsFor } from './models';
import { modelsOf, type Store } from './store';
import { readSchemaVersion, runMigrations, SCHEMA_VERSION, SCHEMA_VERSION_KEY } from './migrations';
import { storeOf } from './store';

const { EJSON } = mongoose.mongo.BSON;
const FORMAT = 1;
const BATCH = 500;

export interface BackupHeader {
  mujibBackup: number;
  schemaVersion: number;
  mujibVersion: string;
  createdAt: string;
  database: string;
}

interface IndexSpec {
  key: Record<string, unknown>;
  name: string;
  [option: string]: unknown;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** The connection the handle's models share. */
const connectionOf = (store: Store): Connection => modelsOf(store).State.db;

function db(conn: Connection) {
  if (!conn.db) throw new BackupError('the database connection is not open');
  return conn.db;
}

async function collectionNames(conn: Connection): Promise<string[]> {
  const all = await db(conn).listCollections({}, { nameOnly: true }).toArray();
  return all
    .map((c) => c.name)
    .filter((n) => !n.startsWith('system.'))
    .sort();
}

export interface BackupSummary {
  file: string;
  header: BackupHeader;
  counts: Record<string, number>;
  bytes: number;
}

/** Writes every collection of the connection's database to `file` (via file.partial, renamed at the end). */
export async function writeBackup(
  store: Store,
  file: string,
  o: { mujibVersion: string; now?: Date },
): Promise<BackupSummary> {
  const conn = connectionOf(store);
  const header: BackupHeader = {
    mujibBackup: FORMAT,
    schemaVersion: await readSchemaVersion(storeOf(modelsFor(conn))),
    mujibVersion: o.mujibVersion,
    createdAt: (o.now ?? new Date()).toISOString(),
    database: db(conn).databaseName,
  };
  const counts: Record<string, number> = {};
  const names = await collectionNames(conn);
  async function* lines(): AsyncGenerator<string> {
    yield JSON.stringify(header) + '\n';
    for (const name of names) {
      const coll = db(conn).collection(name);
      const indexes = (await coll.listIndexes().toArray()) as IndexSpec[];
      yield JSON.stringify({ collection: name, indexes: indexes.filter((i) => i.name !== '_id_') }) + '\n';
      counts[name] = 0;
      // By _id: every server answers it from its _id index, and a restore inserts in the same order.
      for await (const doc of coll.find({}).sort({ _id: 1 })) {
        counts[name]++;
        yield `{"c":${JSON.stringify(name)},"d":${EJSON.stringify(doc, { relaxed: false })}}\n`;
      }
    }
    yield JSON.stringify({ end: true, counts }) + '\n';
  }
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return { file, header, counts, bytes: fs.statSync(file).size };
}

type Line =
  | { kind: 'collection'; name: string; indexes: IndexSpec[] }
  | { kind: 'doc'; name: string; doc: Record<string, unknown> }
  | { kind: 'end'; counts: Record<string, number> };

/** The archive's lines after its header; every malformed line is an error naming its number. */
async function* readArchive(file: string, onHeader: (h: BackupHeader) => void): AsyncGenerator<Line> {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of rl) {
      n++;
      if (!text) continue;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(text) as Record<string, unknown>;
        // Documents are Extended JSON: Int32, Double, Long, Date… come back as exactly those types.
        if (typeof o.c === 'string' && o.d && typeof o.d === 'object')
          o.d = EJSON.deserialize(o.d as Record<string, unknown>, { relaxed: false });
      } catch (e) {
        throw new BackupError(`${file}:${n}: not a line of a Mujib backup (${(e as Error).message})`);
      }
      if (n === 1) {
        if (o.mujibBackup !== FORMAT || typeof o.schemaVersion !== 'number')
          throw new BackupError(`${file}: not a Mujib backup (format ${FORMAT})`);
        onHeader(o as unknown as BackupHeader);
      } else if (typeof o.c === 'string' && o.d && typeof o.d === 'object') {
        yield { kind: 'doc', name: o.c, doc: o.d as Record<string, unknown> };
      } else if (typeof o.collection === 'string' && Array.isArray(o.indexes)) {
        yield { kind: 'collection', name: o.collection, indexes: o.indexes as IndexSpec[] };
      } else if (o.end === true && o.counts && typeof o.counts === 'object') {
        yield { kind: 'end', counts: o.counts as Record<string, number> };
      } else {
        throw new BackupError(`${file}:${n}: unexpected line in a Mujib backup`);
      }
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file}: unreadable (${(e as Error).message}): is it a whole .gz archive?`);
  }
}

export interface ArchiveSummary {
  header: BackupHeader;
  counts: Record<string, number>;
  indexes: Record<string, IndexSpec[]>;
}

/** Reads the whole archive and checks it is complete and consistent, without touching any database. */
export async function verifyBackup(file: string): Promise<ArchiveSummary> {
  let header: BackupHeader | undefined;
  const seen: Record<string, number> = {};
  const indexes: Record<string, IndexSpec[]> = {};
  let end: Record<string, number> | undefined;
  let current: string | undefined;
  for await (const line of readArchive(file, (h) => (header = h))) {
    if (end) throw new BackupError(`${file}: lines after the end of the archive`);
    if (line.kind === 'collection') {
      current = line.name;
      indexes[line.name] = line.indexes;
      seen[line.name] = 0;
    } else if (line.kind === 'doc') {
      if (line.name !== current)
        throw new BackupError(`${file}: a ${line.name} document outside its section`);
      seen[line.name]!++;
    } else end = line.counts;
  }
  if (!header) throw new BackupError(`${file}: empty archive`);
  if (!end) throw new BackupError(`${file}: the archive is cut off (no end line): the backup did not finish`);
  for (const name of new Set([...Object.keys(end), ...Object.keys(seen)]))
    if ((end[name] ?? -1) !== (seen[name] ?? -1))
      throw new BackupError(
        `${file}: ${name} has ${seen[name] ?? 0} documents, the archive says ${end[name] ?? 0}`,
      );
  return { header, counts: seen, indexes };
}

export interface RestoreSummary extends ArchiveSummary {
  migrated: { from: number; to: number; ran: string[] };
}

/**
 * Restores an archive into the connection's database. Refuses (changing nothing) when the
 * archive is damaged, comes from a newer schema, or the database already holds data in one of
 * its collections — unless `drop`, which first empties exactly the collections the archive has.
 */
export async function restoreBackup(
  store: Store,
  file: string,
  o: { drop?: boolean; log?: (line: string) => void } = {},
): Promise<RestoreSummary> {
  const conn = connectionOf(store);
  const summary = await verifyBackup(file);
  const { header } = summary;
  if (header.schemaVersion > SCHEMA_VERSION)
    throw new BackupError(
      `${file} has database schema ${header.schemaVersion}, newer than this Mujib knows (${SCHEMA_VERSION}): restore it with the release that made it (${header.mujibVersion}) or newer`,
    );
  const target = db(conn);
  const names = Object.keys(summary.counts);
  // The schema version stamped when this connection opened is replaced by the archive's own.
  const blocking = [];
  for (const name of names) {
    const n = await target
      .collection(name)
      .countDocuments(name === 'state' ? { _id: { $ne: SCHEMA_VERSION_KEY } as never } : {});
    if (n > 0) blocking.push(`${name} (${n})`);
  }
  if (blocking.length && !o.drop)
    throw new BackupError(
      `the database ${target.databaseName} already holds data in ${blocking.join(', ')}: nothing restored. ` +
        'Restore into an empty database, or pass --drop to replace those collections.',
    );
  if (o.drop)
    for (const name of names)
      await target
        .collection(name)
        .drop()
        .catch(() => undefined);
  await target.collection('state').deleteOne({ _id: SCHEMA_VERSION_KEY as never });

  const models = modelsFor(conn);
  await ensureIndexes(models);
  const known = new Set(Object.values(models).map((m) => m.collection.collectionName));
  let batch: Record<string, unknown>[] = [];
  let batchOf = '';
  const flush = async () => {
    if (batch.length) await target.collection(batchOf).insertMany(batch, { ordered: true });
    batch = [];
  };
  for await (const line of readArchive(file, () => undefined)) {
    if (line.kind !== 'doc') continue;
    if (line.name !== batchOf) {
      await flush();
      batchOf = line.name;
    }
    batch.push(line.doc);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // Collections this code does not model keep the indexes they had; modelled ones follow the code.
  for (const [name, specs] of Object.entries(summary.indexes)) {
    if (known.has(name)) continue;
    for (const { key, name: indexName, v: _v, ns: _ns, ...options } of specs)
      await target
        .collection(name)
        .createIndex(key as never, { ...options, name: indexName })
        .catch((e: Error) => o.log?.(`index ${indexName} of ${name} not recreated: ${e.message}`));
  }
  const migrated = await runMigrations({ conn, models }, { log: o.log });
  return { ...summary, migrated };
}

/** Drops the handle's whole database (a private scratch database, e.g. `mujib simulate`'s). */
export async function dropScratchDatabase(store: Store): Promise<void> {
  await connectionOf(store).dropDatabase();
}
