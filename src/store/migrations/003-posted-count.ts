// 2 → 3. /metrics counts posted replies as a running total (store/reply-counts.ts) whose start
// is one count of the whole outbox. Without this, the first scrape after an upgrade did that
// count (8 s at 100,000 stored mentions on FerretDB, past Prometheus' scrape timeout); now the
// start runs here, once, at start. A total already there is kept (it is moved forward by day).
// A database with nothing posted (a new one) is left as it is: its first scrape has nothing to
// count, and a new database stays empty until the bot writes to it (restore needs that).
import type { Migration } from './types';
import { getState } from '../state';
import { storeOf } from '../store';
import { POSTED_COUNT_KEY, seedPostedCount } from '../reply-counts';

export const postedCount: Migration = {
  version: 3,
  name: 'running total of posted replies for /metrics',
  async up({ models }) {
    if (await getState(storeOf(models), POSTED_COUNT_KEY)) return;
    if (await models.Reply.exists({ status: 'posted' })) await seedPostedCount(storeOf(models));
  },
};
