// The soak benchmark's pre-fill, run in a process of its own so that the bot's memory figure
// holds only the bot: node soak-fill-child.js '<json: uri, dbName, FillOptions without now>'
import { openDatabase } from '../src/store/db';
import { createLogger } from '../src/log';
import { fillHistory, type FillOptions } from './soak-fill';

async function main(): Promise<void> {
  const o = JSON.parse(process.argv[2]!) as Omit<FillOptions, 'now' | 'onProgress'> & {
    uri: string;
    dbName: string;
  };
  const db = await openDatabase(o.uri, { dbName: o.dbName, log: createLogger({ level: 'error' }) });
  try {
    const res = await fillHistory(db.models, { ...o, now: new Date(), onProgress: (l) => console.error(l) });
    console.log(JSON.stringify(res));
  } finally {
    await db.close();
  }
}

void main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
