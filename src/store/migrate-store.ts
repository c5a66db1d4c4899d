import { storeMigrations, type Migration } from './migrations/index.js';
import type { StoreConnection, StoreDriver } from './store-driver.js';
import { StoreError } from './store-error.js';

/** Key of the advisory lock that serialises migrations (with the schema's name as the second key). */
const migrationLock = 0x6b707472;

/**
 * Brings the schema up to date in ONE transaction under an advisory lock: a second process
 * opening the same database waits, then finds nothing to do. Returns the versions applied now.
 */
export async function migrateStore(driver: StoreDriver, migrations: readonly Migration[] = storeMigrations): Promise<number[]> {
  checkOrder(migrations);
  const connection = await driver.acquire();
  let broken = false;
  try {
    await connection.exec('BEGIN');
    try {
      const applied = await migrate(connection, driver, migrations);
      await connection.exec('COMMIT');
      return applied;
    } catch (error) {
      await connection.exec('ROLLBACK').catch(() => (broken = true));
      throw error;
    }
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const failure = driver.toStoreError(error);
    if (failure.kind === 'connection') throw failure;
    throw new StoreError('migration', `Could not bring the store at ${driver.description} up to date; nothing was changed. ${failure.message}`, { code: failure.code });
  } finally {
    driver.release(connection, broken);
  }
}

async function migrate(connection: StoreConnection, driver: StoreDriver, migrations: readonly Migration[]): Promise<number[]> {
  await connection.query('SELECT pg_advisory_xact_lock($1, hashtext(coalesce($2, current_schema(), \'\')))', [migrationLock, driver.schema ?? null]);
  if (driver.schema !== undefined) await connection.exec(`CREATE SCHEMA IF NOT EXISTS "${driver.schema.replaceAll('"', '""')}"`);
  await connection.exec(`CREATE TABLE IF NOT EXISTS kpitree_migrations (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`);
  const recorded = (await connection.query('SELECT version, name FROM kpitree_migrations ORDER BY version', [])) as { version: number; name: string }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const { version, name } of recorded) {
    const migration = known.get(version);
    if (!migration) {
      throw new StoreError(
        'migration',
        `The store at ${driver.description} was migrated by a newer kpitree (schema version ${version}; this one knows up to ${migrations.at(-1)?.version ?? 0}). Upgrade kpitree.`,
      );
    }
    if (migration.name !== name) {
      throw new StoreError('migration', `The store at ${driver.description} records migration ${version} as "${name}", but this kpitree names it "${migration.name}": it belongs to another build.`);
    }
  }
  const done = new Set(recorded.map((r) => r.version));
  const applied: number[] = [];
  for (const migration of migrations.filter((m) => !done.has(m.version))) {
    try {
      await connection.exec(migration.sql);
    } catch (error) {
      const failure = driver.toStoreError(error);
      if (failure.kind === 'connection') throw failure;
      throw new StoreError('migration', `Migration ${migration.version} (${migration.name}) failed on the store at ${driver.description}; nothing was changed. ${failure.message}`, {
        code: failure.code,
      });
    }
    await connection.query('INSERT INTO kpitree_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    applied.push(migration.version);
  }
  return applied;
}

// Versions rise without having to be contiguous: branches developed at once take their numbers
// ahead (003 while 002 is written elsewhere), and a store holding 003 still gets 002 when it arrives.
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    const previous = migrations[i - 1]?.version ?? 0;
    if (!Number.isSafeInteger(migration.version) || migration.version <= previous) {
      throw new Error(`Store migrations must have rising version numbers; found ${migration.version} after ${previous}.`);
    }
  });
}
