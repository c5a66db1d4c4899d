import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DemoError } from './demo-error.js';
import { demoMarker } from './org-writer.js';

/**
 * A DuckDB output may be written when its folder is writable and the file is missing or an
 * earlier demo org (its tables carry the demo marker): a user's own warehouse is never replaced.
 */
export async function assertDuckDbReplaceable(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new DemoError('input', `cannot write ${path}: its folder ${dirname(path)} does not exist or is not writable`);
  }
  const existing = await stat(path).catch(() => null);
  if (!existing) return;
  const refuse = () => new DemoError('target', `${path} exists and was not written by kpitree demo-data; choose another --out, or remove it first`);
  if (!existing.isFile()) throw refuse();
  try {
    await access(path, constants.W_OK);
  } catch {
    throw new DemoError('input', `cannot replace ${path}: it is not writable`);
  }
  let instance: DuckDBInstance | null = null;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE comment = '${demoMarker}'`);
    connection.closeSync();
    if (Number(reader.getRows()[0]![0]) === 0) throw refuse();
  } catch (error) {
    throw error instanceof DemoError ? error : refuse();
  } finally {
    instance?.closeSync();
  }
}
