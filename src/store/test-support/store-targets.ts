import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, testDatabaseUrl } from '../../warehouse/test-support/postgres.js';
import { openStore, type OpenStoreOptions } from '../open-store.js';
import type { Store } from '../store.js';

/** A fresh, empty place for a store: a temp folder for PGlite, a new schema for Postgres. */
export interface StoreTarget {
  engine: Store['engine'];
  url: string;
  /** Postgres: the schema (created by the store on first open). */
  schema: string | undefined;
  open(options?: OpenStoreOptions): Promise<Store>;
  cleanup(): Promise<void>;
}

export async function pgliteFolderTarget(): Promise<StoreTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'kpitree-store-'));
  const url = `pglite:${join(dir, 'store')}`;
  return {
    engine: 'pglite',
    url,
    schema: undefined,
    open: (options) => openStore(url, { lockTimeoutMs: 200, ...options }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A schema name not yet created in the test database (which is created if missing), and an
 * admin session to drop it afterwards.
 */
export async function postgresSchemaTarget(): Promise<StoreTarget> {
  const admin = await createTestSchema(); // ensures the database exists; its own schema is not used
  const schema = `store_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return {
    engine: 'postgres',
    url: testDatabaseUrl,
    schema,
    open: (options) => openStore(testDatabaseUrl, { schema, ...options }),
    async cleanup() {
      await admin.admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.drop();
    },
  };
}

/** Every store implementation, for describe.each. */
export const storeTargets: [string, () => Promise<StoreTarget>][] = [
  ['pglite folder', pgliteFolderTarget],
  ['postgres', postgresSchemaTarget],
];

/** A fresh store of the target for the enclosing describe block, closed and cleaned up after it. */
export function useFreshStore(makeTarget: () => Promise<StoreTarget>): () => Store {
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
