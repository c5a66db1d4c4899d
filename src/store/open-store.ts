import { markInterruptedRuns } from './runs/mark-interrupted-runs.js';
import { migrateStore } from './migrate-store.js';
import { parseStoreUrl } from './parse-store-url.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './store.js';
import type { StoreDriver } from './store-driver.js';

export interface OpenStoreOptions {
  /** Directory a relative PGlite folder is resolved against (default: the current directory). */
  baseDir?: string;
  /** Postgres: the schema of the store's tables, created if missing (default: `?schema=` in the url, else the session's). */
  schema?: string;
  /** PGlite folder: how long to wait for another process to close it (default 5 s). */
  lockTimeoutMs?: number;
  /** Postgres: most sessions open at once (default 5). */
  poolSize?: number;
}

/**
 * Opens the app store and brings its schema up to date: `pglite:<folder>` (created if missing;
 * one process at a time), `pglite::memory:`, or `postgres://…` (DATABASE_URL). Drivers load only
 * when used. On PGlite, a sync run still marked running was left by a dead process: it is marked
 * interrupted here. Every failure is a StoreError; nothing is left half-made.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = parseStoreUrl(url, options.baseDir);
  let driver: StoreDriver;
  if (location.engine === 'pglite') {
    const { PGliteDriver } = await import('./drivers/pglite-driver.js');
    driver = await PGliteDriver.open(location.folder, { lockTimeoutMs: options.lockTimeoutMs });
  } else {
    const { PostgresDriver } = await import('./drivers/postgres-driver.js');
    const schema = options.schema ?? location.target.schema;
    driver = await PostgresDriver.open(location.target, { schema, poolSize: options.poolSize });
  }
  const store = new SqlStore(driver);
  try {
    await migrateStore(driver);
    if (driver.exclusive) await markInterruptedRuns(store, { olderThanMs: 0 });
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
