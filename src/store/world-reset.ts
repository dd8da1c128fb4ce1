// Empties what a run of the bot writes (mentions, tickets, replies, state, counters), keeping
// staff accounts and sessions: the sandbox's fresh start (src/bot/sandbox-reset.ts says why).
import { modelsOf, type Store } from './store';

/** How many documents were removed. */
export async function clearBotWorld(store: Store): Promise<number> {
  const models = modelsOf(store);
  let removed = 0;
  for (const m of [models.Mention, models.Ticket, models.Reply, models.State, models.Counter])
    removed += (await m.collection.deleteMany({})).deletedCount;
  return removed;
}
