import type { Project } from '../model/index.js';
import type { Catalog } from '../semantic/index.js';
import type { Store } from '../store/index.js';
import type { Warehouse } from '../warehouse/index.js';

/** What a sync works with: the loaded project, its warehouse (and catalog, read once) and the app store. */
export interface SyncEnv {
  project: Project;
  warehouse: Warehouse;
  catalog: Catalog;
  store: Store;
  /** Tries per metric on transient warehouse errors (default: sync.attempts of kpitree.yaml). */
  attempts?: number;
  /** The wait before the first retry, doubling after (default 1 s). */
  retryDelayMs?: number;
  /** Told of each retry of a metric. */
  onRetry?: (metric: string, error: unknown, attempt: number, delayMs: number) => void;
}
