import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh schema in the test database, dropped by `drop()`. */
export interface TestSchema {
  /** The test database's url (no password): pass it to openWarehouse with `{ schema }`. */
  url: string;
  schema: string;
  /** A writable client with search_path set to the schema, for loading fixtures. */
  admin: pg.Client;
  drop(): Promise<void>;
}

export const testDatabaseUrl = process.env.KPITREE_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/kpitree_test';

/**
 * Connects to the machine's Postgres (KPITREE_TEST_DATABASE_URL, default
 * postgres://root@127.0.0.1:5432/kpitree_test), creates the database if missing and a uniquely
 * named schema in it. Test files running at once each get their own schema.
 */
export async function createTestSchema(): Promise<TestSchema> {
  const admin = await connectCreatingDatabase(testDatabaseUrl);
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET search_path TO "${schema}"`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  return {
    url: testDatabaseUrl,
    schema,
    admin,
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function connectCreatingDatabase(url: string): Promise<pg.Client> {
  try {
    return await connectTo(url);
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const maintenance = await connectTo(maintenanceUrl.toString());
  try {
    await maintenance.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (error) {
    // Another test file created it at the same moment: 42P04 duplicate_database, or 23505 on pg_database.
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await maintenance.end();
  }
  return connectTo(url);
}

async function connectTo(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}
