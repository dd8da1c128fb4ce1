// The sandbox's emulated X starts empty on every `mujib start`, but the embedded database
// keeps its data folder. Mentions, tickets and replies of the previous run would point at
// tweets that no longer exist (replies planned then fail as "deleted tweet"), and its sample
// citizens would find their old tickets open and be attached as repeats without an answer.
// So the sandbox starts its world afresh too; staff accounts stay.
import type { Store } from '../store/store';
import { clearBotWorld } from '../store/world-reset';

export function resetSandboxWorld(store: Store): Promise<number> {
  return clearBotWorld(store);
}
