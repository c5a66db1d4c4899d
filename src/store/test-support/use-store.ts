import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../store.js';
import type { StoreTarget } from './store-targets.js';

/** For a describe block: a fresh store of the target, opened before its tests and removed after them. */
export function useStore(makeTarget: () => Promise<StoreTarget>): () => Store {
  let target: StoreTarget | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    target = await makeTarget();
    store = await target.open();
  });
  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });
  return () => store!;
}
