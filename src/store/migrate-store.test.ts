import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PGliteDriver } from './drivers/pglite-driver.js';
import { migrateStore } from './migrate-store.js';
import type { Migration } from './migrations/index.js';

const table = (version: number): Migration => ({ version, name: `table_${version}`, sql: `CREATE TABLE t${version} (id int)` });

/** Migration numbers rise but may leave gaps: branches written at once number ahead of each other. */
describe('migrateStore with numbers written out of order by parallel work', () => {
  let dir: string | undefined;
  afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it('applies 1 and 3 now, then 2 when it arrives; refuses falling numbers, and a store that knows a later one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-migrate-'));
    const driver = await PGliteDriver.open(join(dir, 'store'));
    try {
      expect(await migrateStore(driver, [table(1), table(3)])).toEqual([1, 3]);
      expect(await migrateStore(driver, [table(1), table(2), table(3)])).toEqual([2]);
      await expect(migrateStore(driver, [table(1), table(3), table(2)])).rejects.toThrow('rising version numbers; found 2 after 3');
      await expect(migrateStore(driver, [table(1), table(2)])).rejects.toThrow('schema version 3; this one knows up to 2');
    } finally {
      await driver.close();
    }
  });
});
