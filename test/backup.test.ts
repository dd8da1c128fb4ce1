// Backup → restore on the real test server (FerretDB): a database the real bot filled over real
// HTTP comes back document for document, types and indexes included; a damaged or foreign
// archive, or a database that already holds data, changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import mongoose from 'mongoose';
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { openDatabase, type Database } from '../src/store/db';
import { quietLog, testUri, uniqueDbName } from './support/db';
import { restoreBackup, verifyBackup, writeBackup } from '../src/store/backup';
import { claim, note, resolve } from '../src/queue';
import { SCHEMA_VERSION } from '../src/store/migrations';
import { storeOf } from '../src/store/store';

const { EJSON } = mongoose.mongo.BSON;
const h = useBotHarness('backup');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-backup-'));
const opened: Database[] = [];

afterAll(async () => {
  for (const d of opened) {
    await d.conn.dropDatabase().catch(() => undefined);
    await d.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freshDb(label: string): Promise<Database> {
  const d = await openDatabase(testUri(), { dbName: uniqueDbName(label), log: quietLog });
  opened.push(d);
  return d;
}

/** Every collection as canonical Extended JSON, by _id: equal strings mean equal documents and types. */
async function dump(conn: mongoose.Connection): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { name } of await conn.db!.listCollections().toArray()) {
    const docs = await conn.db!.collection(name).find({}).sort({ _id: 1 }).toArray();
    out[name] = docs.map((d) => EJSON.stringify(d, { relaxed: false }));
  }
  return out;
}

async function indexNames(conn: mongoose.Connection, name: string): Promise<string[]> {
  return (await conn.db!.collection(name).listIndexes().toArray()).map((i) => String(i.name)).sort();
}

test('a database the bot filled comes back exactly; the bot on the restored copy posts nothing twice', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const tweets = [
    'حفرة كبيرة في شارع الأمير سلطان',
    'الإنارة طافية في حي النرجس',
    'Garbage not collected for a week',
  ].map((text, i) => h.emu.injectMention({ text, author: `citizen_${i}` }));
  await tickUntil(h.rt, () => h.emu.posts().length >= 3);
  const { models, conn } = h.rt.db;
  const [first] = await models.Ticket.find({}).sort({ _id: 1 }).lean();
  await claim(storeOf(models), first!._id, { as: 'sara' });
  await note(storeOf(models), first!._id, { as: 'sara', text: 'أرسلنا فريق الصيانة' });
  await resolve(storeOf(models), first!._id, { as: 'sara' });
  // A collection this release does not model, with its own index: kept as it was.
  await conn
    .db!.collection('extra_things')
    .insertOne({ _id: 'x1' as never, n: 1.5, big: 2 ** 40, at: new Date() });
  await conn.db!.collection('extra_things').createIndex({ n: 1 }, { name: 'by_n' });
  const before = await dump(conn);
  const ticketIndexes = await indexNames(conn, 'tickets');
  const file = path.join(dir, 'full.jsonl.gz');
  const made = await writeBackup(h.rt.db.store, file, { mujibVersion: 'test' });
  await h.rt.stop();
  h.rt = undefined;

  expect(made.header.schemaVersion).toBe(SCHEMA_VERSION);
  expect(made.counts.mentions).toBe(3);
  expect(made.counts.tickets).toBe(3);
  expect(made.counts.replies).toBe(3);
  expect(fs.existsSync(`${file}.partial`)).toBe(false);

  const target = await freshDb('restored');
  const r = await restoreBackup(target.store, file);
  expect(r.counts).toEqual(made.counts);
  expect(await dump(target.conn)).toEqual(before);
  expect(await indexNames(target.conn, 'extra_things')).toEqual(['_id_', 'by_n']);
  expect(await indexNames(target.conn, 'tickets')).toEqual(ticketIndexes);

  // The bot on the restored database: the same X, nothing answered again.
  const posted = h.emu.posts().length;
  h.rt = await startTestBot(h.emu, target.conn.db!.databaseName);
  await h.rt.bot.tick();
  await h.rt.bot.tick();
  expect(h.emu.posts()).toHaveLength(posted);
  for (const t of tweets) expect(h.emu.posts().filter((p) => p.inReplyToId === t.id)).toHaveLength(1);
}, 90_000);

test('refuses to restore over data without --drop, and replaces only the archived collections with it', async () => {
  const source = await freshDb('src');
  await source.models.Staff.create({ _id: 'sara', name: 'Sara', passwordHash: 'scrypt$x' });
  const file = path.join(dir, 'staff.jsonl.gz');
  await writeBackup(source.store, file, { mujibVersion: 'test' });

  const target = await freshDb('busy');
  await target.models.Staff.create({ _id: 'noura', name: 'Noura', passwordHash: 'scrypt$y' });
  await expect(restoreBackup(target.store, file)).rejects.toThrow(/already holds data in staff \(1\)/);
  expect((await target.models.Staff.find({}).lean()).map((s) => s._id)).toEqual(['noura']);

  await restoreBackup(target.store, file, { drop: true });
  expect((await target.models.Staff.find({}).lean()).map((s) => s._id)).toEqual(['sara']);
});

test('a cut-off, corrupted, foreign or newer-schema archive is refused before anything is written', async () => {
  const source = await freshDb('src2');
  for (let i = 0; i < 30; i++)
    await source.models.Counter.create({ _id: `AM-2612:${i}`, series: 'AM-2612', n: i });
  const good = path.join(dir, 'good.jsonl.gz');
  await writeBackup(source.store, good, { mujibVersion: 'test' });
  const lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').trimEnd().split('\n');
  const write = (name: string, content: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, typeof content === 'string' ? zlib.gzipSync(content) : content);
    return f;
  };
  const cases: [string, RegExp][] = [
    [write('cut.gz', lines.slice(0, -5).join('\n') + '\n'), /cut off/],
    [
      write('short.gz', [...lines.slice(0, 5), ...lines.slice(6)].join('\n') + '\n'),
      /counters has 29 documents, the archive says 30/,
    ],
    [
      write('garbled.gz', [...lines.slice(0, 3), '{"c":"counters","d":{', ...lines.slice(3)].join('\n')),
      /garbled\.gz:4: not a line/,
    ],
    [write('truncated-gzip.gz', fs.readFileSync(good).subarray(0, 200)), /unreadable|cut off/],
    [write('foreign.gz', '{"hello":"world"}\n'), /not a Mujib backup/],
    [
      write(
        'newer.gz',
        [
          JSON.stringify({ ...JSON.parse(lines[0]!), schemaVersion: SCHEMA_VERSION + 1 }),
          ...lines.slice(1),
        ].join('\n') + '\n',
      ),
      /newer than this Mujib knows/,
    ],
  ];
  const target = await freshDb('untouched');
  for (const [file, why] of cases) {
    await expect(restoreBackup(target.store, file)).rejects.toThrow(why);
    expect(await target.models.Counter.countDocuments()).toBe(0);
  }
  await expect(verifyBackup(path.join(dir, 'missing.gz'))).rejects.toThrow(/no such file/);
  expect((await verifyBackup(good)).counts.counters).toBe(30);
});
