// The handle the rest of the code holds for the database. It is opaque on purpose: only
// src/store/ may see the mongoose models behind it (lint enforces this), so every query, index
// and FerretDB-safe protocol lives here, named for what it does (insertMention, claimOnce, …).
import type { Models } from './models';

declare const opaque: unique symbol;

/** An open database, as the rest of the code sees it: pass it to src/store/ functions. */
export interface Store {
  readonly [opaque]: 'Store';
}

/** Wraps a connection's models (store-internal and for tests of the store itself). */
export function storeOf(models: Models): Store {
  return models as unknown as Store;
}

/** The models behind a handle: for src/store/ only. */
export function modelsOf(store: Store): Models {
  return store as unknown as Models;
}
