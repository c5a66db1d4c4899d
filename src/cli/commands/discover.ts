import { resolve } from 'node:path';
import { assertWritableFolder, discoverWarehouse, DiscoveryError, renderDiscovery, writeDiscoveredProject } from '../../catalog/index.js';
import { openWarehouse, WarehouseError, type Warehouse } from '../../warehouse/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';

export interface DiscoverOptions {
  warehouse: string;
  out: string;
  schema?: string;
  force?: boolean;
  format: string;
}

/**
 * kpitree discover: finds the Salesforce tables of a warehouse (any schema, Fivetran or Airbyte
 * names), says which catalogue metrics it can compute, and writes a starter project. Everything
 * that stops it (a bad or unreachable warehouse, no Salesforce tables, a folder in use) is bad
 * input: exit code 2, and nothing is written.
 */
export async function discoverCommand(options: DiscoverOptions, io: CliIo): Promise<void> {
  if (options.format !== 'table' && options.format !== 'json') throw new UsageError(`--format: "${options.format}" is not a format of discover; use table or json`);
  const out = resolve(io.cwd, options.out);
  await usage(() => assertWritableFolder(out, options.force));
  const warehouse = await usage(() => openWarehouse(options.warehouse, { baseDir: io.cwd, ...(io.env.PGPASSWORD ? { password: io.env.PGPASSWORD } : {}) }));
  let plan;
  try {
    io.stderr(`Reading ${warehouse.description} …\n`);
    plan = await usage(() => discoverWarehouse(warehouse, { url: options.warehouse, baseDir: io.cwd, ...(options.schema !== undefined ? { schema: options.schema } : {}) }));
  } finally {
    await closeQuietly(warehouse);
  }
  await usage(() => writeDiscoveredProject(out, plan.files, { force: options.force ?? false }));
  io.stdout(options.format === 'json' ? `${JSON.stringify({ out, ...plan.report }, null, 2)}\n` : renderDiscovery(plan.report, out));
}

/** Runs a step, turning what the user can fix (the url, the warehouse, the folder, the schema) into bad input. */
async function usage<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DiscoveryError) throw new UsageError(error.message, error.details);
    if (error instanceof WarehouseError && (error.kind === 'url' || error.kind === 'connection')) throw new UsageError(`--warehouse: ${error.message}`);
    throw error;
  }
}

async function closeQuietly(warehouse: Warehouse): Promise<void> {
  try {
    await warehouse.close();
  } catch {
    // The warehouse may never have connected; there is nothing to release then.
  }
}
