import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExampleOrg, writeDuckDbTables } from '../../demo/index.js';
import { isIsoDate } from '../../semantic/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseFormat, parseGrain, todayIso } from '../parse-options.js';
import { treeCommand } from './tree.js';

export const exampleProjectDir = fileURLToPath(new URL('../../../examples/revenue', import.meta.url));

export interface ExampleOptions {
  dir?: string;
  asOf?: string;
  seed: string;
  grain: string;
  format: string;
}

/**
 * kpitree example: builds the example project's warehouse (a DuckDB file of a synthetic Salesforce
 * org, as Fivetran lands it) and prints its revenue tree with values. Nothing to install.
 */
export async function exampleCommand(options: ExampleOptions, io: CliIo): Promise<void> {
  const dir = options.dir ? resolve(io.cwd, options.dir) : exampleProjectDir;
  const asOf = options.asOf ?? todayIso(io.now(), 'UTC');
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of: "${asOf}" is not a date written YYYY-MM-DD`);
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed: "${options.seed}" is not a whole number`);
  // Check what the tree will need before writing anything.
  parseGrain(options.grain);
  if (parseFormat(options.format) === 'csv') throw new UsageError('--format: a tree prints as table or json');

  const started = Date.now();
  io.stderr(`Generating the example Salesforce org (24 months up to ${asOf}, seed ${seed})…\n`);
  const tables = generateExampleOrg({ asOf, seed });
  const counts = tables.map((t) => `${t.rows.length.toLocaleString('en-US')} ${t.name}`).join(', ');
  const path = join(dir, 'warehouse.duckdb');
  io.stderr(`Writing ${counts} to ${path}…\n`);
  await writeDuckDbTables(path, tables);
  io.stderr(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n\n`);
  await treeCommand(undefined, { project: dir, grain: options.grain, format: options.format }, { ...io, now: () => new Date(`${asOf}T12:00:00Z`) });
}
