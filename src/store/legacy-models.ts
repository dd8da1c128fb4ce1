// A bridge for one merge (issue 12): functions other engineers are moving to `store: Store`
// this session (src/queue/*, store/notify-events.ts) still take the models on this branch.
// Callers outside src/store/ write `claim(legacyModels(store), …)`; once those take Store,
// this becomes `(store: Store) => store` (or each call drops the wrapper) and the file goes.
import { modelsOf, type Store } from './store';

export const legacyModels = (store: Store) => modelsOf(store);
