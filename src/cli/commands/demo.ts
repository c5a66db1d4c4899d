import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isIsoDate } from '../../semantic/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseFormat, parseGrain, todayIso } from '../parse-options.js';
import { demoDataCommand } from './demo-data.js';
import { discoverCommand } from './discover.js';
import { treeCommand } from './tree.js';

export interface DemoOptions {
  dir: string;
  scale: string;
  seed: string;
  asOf?: string;
  grain: string;
  format: string;
}

/**
 * kpitree demo: the whole path a new user takes, with nothing to install. It writes a demo
 * Salesforce org into DIR/warehouse.duckdb, discovers it as it would a real warehouse (writing the
 * starter project to DIR/project), and prints the default revenue tree with its values. The steps
 * report on stderr; stdout holds only the tree, so `--format json` pipes cleanly.
 */
export async function demoCommand(options: DemoOptions, io: CliIo): Promise<void> {
  const asOf = options.asOf ?? todayIso(io.now(), 'UTC');
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of: "${asOf}" is not a date written YYYY-MM-DD`);
  parseGrain(options.grain);
  if (parseFormat(options.format) === 'csv') throw new UsageError('--format: a tree prints as table or json');
  const dir = resolve(io.cwd, options.dir);
  await mkdir(dir, { recursive: true });
  const steps: CliIo = { ...io, stdout: io.stderr };

  const warehouse = join(dir, 'warehouse.duckdb');
  await demoDataCommand(
    { out: warehouse, schema: 'salesforce', naming: 'fivetran', scale: options.scale, seed: options.seed, asOf, months: '24', incidents: 'default' },
    steps,
  );
  io.stderr('\n');
  const project = join(dir, 'project');
  await discoverCommand({ warehouse: `duckdb:${warehouse}`, out: project, force: true, format: 'table' }, steps);
  io.stderr(`\nThe project is in ${project}: try  npx kpitree query win_rate --by region -p ${project}\n\n`);
  await treeCommand('revenue', { project, grain: options.grain, format: options.format }, { ...io, now: () => new Date(`${asOf}T12:00:00Z`) });
}
