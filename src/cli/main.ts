import { Command, CommanderError, Option } from 'commander';
import { StoreError } from '../store/index.js';
import { WarehouseError } from '../warehouse/index.js';
import { exitCodes, RuntimeFailure, UsageError } from './cli-error.js';
import { correlateCommand } from './commands/correlate.js';
import { detectCommand } from './commands/detect.js';
import { discoverCommand } from './commands/discover.js';
import { explainCommand } from './commands/explain.js';
import { demoDataCommand } from './commands/demo-data.js';
import { demoCommand } from './commands/demo.js';
import { forecastCommand } from './commands/forecast.js';
import { queryCommand } from './commands/query.js';
import { runsCommand } from './commands/runs.js';
import { scheduleCommand } from './commands/schedule.js';
import { seriesCommand } from './commands/series.js';
import { syncCommand } from './commands/sync.js';
import { workerCommand } from './commands/worker.js';
import { treeCommand } from './commands/tree.js';
import { validateCommand } from './commands/validate.js';
import { processIo, type CliIo } from './io.js';

const version = '0.1.0';

function buildProgram(io: CliIo): Command {
  const program = new Command('kpitree')
    .description('KPI trees over your warehouse: metrics as code, computed, owned and explained.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)');
  const projectOption = () => new Option('-p, --project <dir>', 'the project folder (default: the working folder)');
  const formatOption = () => new Option('-f, --format <format>', 'table, json or csv').default('table');

  program
    .command('validate')
    .description('check every definition file, then every table and column against the warehouse')
    .addOption(projectOption())
    .option('--offline', 'check the files only, without opening the warehouse')
    .action((options) => validateCommand(options, io));

  program
    .command('query')
    .description('compute one metric over a range of periods, by dimensions')
    .argument('<metric>', 'metric id')
    .addOption(projectOption())
    .option('-g, --grain <grain>', 'day, week, month, quarter or year', 'month')
    .option('--from <period>', 'first period: 2025-01-15, 2025-01, 2025-Q1 or 2025 (FY2026-Q1 with a fiscal year)')
    .option('--to <period>', 'last period, the same forms (default: today)')
    .option('--by <dimensions>', 'dimensions to slice by, comma-separated: region,segment')
    .option('--where <filter>', 'keep a dimension value: region=EMEA, region=EMEA,NA, region!=EMEA (repeatable)', collect, [])
    .addOption(formatOption())
    .action((metric, options) => queryCommand(metric, options, io));

  program
    .command('tree')
    .description("print a tree with every node's value for a period and its change")
    .argument('[tree]', 'tree id (needed when the project has several)')
    .addOption(projectOption())
    .option('-g, --grain <grain>', 'day, week, month, quarter or year', 'month')
    .option('--period <period>', 'the period to show (default: the last one that is over)')
    .addOption(formatOption())
    .action((tree, options) => treeCommand(tree, options, io));

  program
    .command('discover')
    .description('find the Salesforce tables of a warehouse and write a starter project of the metrics it can compute')
    .requiredOption('-w, --warehouse <url>', 'duckdb:file.duckdb or postgres://user@host:port/db (the password from PGPASSWORD)')
    .requiredOption('-o, --out <dir>', 'the folder to write the project into (new or empty)')
    .option('--schema <schema>', 'the schema to use when several hold Salesforce tables (default: the most complete)')
    .option('--force', 'replace --out even if it is not empty')
    .option('-f, --format <format>', 'table or json', 'table')
    .action((options) => discoverCommand(options, io));

  program
    .command('demo-data')
    .description('write a synthetic Salesforce org (Fivetran or Airbyte shaped) with planted incidents and their ground truth')
    .option('-o, --out <file>', 'the DuckDB file to write (default: demo.duckdb in the working folder)')
    .option('-w, --warehouse <url>', 'write into Postgres instead: postgres://user@host:port/db (the password from PGPASSWORD)')
    .option('--schema <name>', 'the schema of the tables', 'salesforce')
    .option('--naming <naming>', 'fivetran (opportunity.stage_name) or airbyte (Opportunity.StageName)', 'fivetran')
    .option('--scale <n>', 'size of the org: 1 is about 8,000 opportunities over two years; 125 about a million', '1')
    .option('--seed <n>', 'random seed', '42')
    .option('--as-of <date>', 'the day the data ends, exclusive (default: today)')
    .option('--months <n>', 'months of history before --as-of', '24')
    .option('--incidents <what>', 'default (the three of the manifest), none (a control), or a JSON file of incidents', 'default')
    .option('--manifest <file>', 'where the ground truth goes (default: beside the output)')
    .action((options) => demoDataCommand(options, io));

  program
    .command('demo')
    .description('write a demo Salesforce org, discover it, and print its revenue tree: the whole path, nothing to install')
    .option('--dir <dir>', 'where the warehouse (warehouse.duckdb) and the discovered project (project/) go', 'demo')
    .option('--scale <n>', 'size of the org (1 = about 8,000 opportunities over two years)', '1')
    .option('--seed <n>', 'random seed of the org', '42')
    .option('--as-of <date>', 'the day the org ends (default: today)')
    .option('-g, --grain <grain>', 'grain of the printed tree', 'month')
    .addOption(formatOption())
    .action((options) => demoCommand(options, io));

  program
    .command('detect')
    .description('find anomalies in a timestamp,value CSV: spikes, dips, level shifts, trend changes, slow drift')
    .argument('<file>', 'CSV with columns timestamp,value (daily, weekly or irregular timestamps)')
    .option('-s, --sensitivity <level>', 'low, medium or high', 'medium')
    .option('--season <n>', 'periods per season (7 for days, 13 or 52 for weeks) or none (default: inferred)')
    .addOption(formatOption())
    .action((file, options) => detectCommand(file, options, io));

  program
    .command('forecast')
    .description('forecast a timestamp,value CSV with Holt-Winters and prediction intervals, and backtest it')
    .argument('<file>', 'CSV with columns timestamp,value (daily, weekly, monthly or irregular)')
    .requiredOption('-n, --horizon <periods>', 'how many periods ahead')
    .option('--period <periods>', 'season length in periods (default: inferred from the series; 1 for none)')
    .option('--level <percent>', 'prediction interval level', '95')
    .addOption(formatOption())
    .action((file, options) => forecastCommand(file, options, io));

  program
    .command('correlate')
    .description('which of two timestamp,value CSVs leads the other, by how many periods, and how strongly')
    .argument('<a>', 'first CSV (timestamp,value)')
    .argument('<b>', 'second CSV of the same grain')
    .option('--max-lag <periods>', 'largest lag tried in each direction', '12')
    .option('--method <method>', 'pearson or spearman', 'pearson')
    .addOption(formatOption())
    .action((a, b, options) => correlateCommand(a, b, options, io));

  program
    .command('sync')
    .description('compute every metric of every tree into the store: one warehouse query and one store transaction per metric')
    .addOption(projectOption())
    .option('-m, --metric <metrics>', 'only these metrics (comma-separated, or repeat the flag)', collect, [])
    .option('--full', 'recompute all history (sync.history_start), not just the restatement window')
    .option('--enqueue', 'hand the run to the workers of a Postgres store (kpitree worker) instead of running it here')
    .option('-f, --format <format>', 'table or json (the summary)', 'table')
    .action((options) => syncCommand(options, io));

  program
    .command('runs')
    .description('recent sync runs with their failures, from the store')
    .argument('[run]', 'one run id, for its details')
    .addOption(projectOption())
    .option('-n, --limit <n>', 'how many runs, newest first', '20')
    .option('--sql', 'show the SQL of each failed metric')
    .addOption(formatOption())
    .action((run, options) => runsCommand(run, options, io));

  program
    .command('series')
    .description("a metric's stored values at a grain for one slice, from the store only (never the warehouse)")
    .argument('<metric>', 'metric id')
    .addOption(projectOption())
    .option('-g, --grain <grain>', 'day, week, month, quarter or year (default: the first of sync.grains)')
    .option('--slice <dimension=value>', 'one dimension value: region=EMEA; repeat for another dimension; (none) for a missing value', collect, [])
    .option('--from <period>', 'first period: 2025-01-15, 2025-01, 2025-Q1 or 2025')
    .option('--to <period>', 'last period, the same forms')
    .addOption(formatOption())
    .action((metric, options) => seriesCommand(metric, options, io));

  program
    .command('explain')
    .description('why a metric changed between two stored periods: through the tree, across slices, to a metric, a slice and an owner')
    .argument('<metric>', 'metric id')
    .addOption(projectOption())
    .requiredOption('--to <period>', 'the period explained: 2026-Q3, 2026-09, 2026 or a date (its week)')
    .option('--from <period>', 'the baseline period, the same forms (default: the one before --to)')
    .option('--vs <baseline>', 'instead of --from: prior, last-year (fiscal-calendar aware) or a period')
    .option('-g, --grain <grain>', 'day, week, month, quarter or year (default: the form of --to)')
    .option('--tree <tree>', 'the tree to follow (default: the first with the metric)')
    .option('-f, --format <format>', 'text or json', 'text')
    .action((metric, options) => explainCommand(metric, options, io));

  program
    .command('schedule')
    .description("run the sync at the cron times of kpitree.yaml's sync: settings, in this process, until stopped")
    .addOption(projectOption())
    .option('--now', 'also run every schedule once at start')
    .action((options) => scheduleCommand(options, io));

  program
    .command('worker')
    .description('share the sync with other workers through the job queue of a Postgres store (DATABASE_URL), until stopped')
    .addOption(projectOption())
    .option('-c, --concurrency <n>', 'metrics worked on at once by this process', '2')
    .option('--poll <seconds>', 'how often an idle worker looks for jobs and schedules', '2')
    .option('-f, --format <format>', 'text or json (one event per line)', 'text')
    .action((options) => workerCommand(options, io));

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Runs the CLI and returns its exit code; every error is reported here, once. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit through here too; commander has already printed them.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
  }
  if (error instanceof UsageError) {
    io.stderr(`error: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
    return exitCodes.badInput;
  }
  if (error instanceof RuntimeFailure) {
    io.stderr(`error: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join('')}`);
    return exitCodes.failure;
  }
  if (error instanceof StoreError) {
    io.stderr(`error: ${error.message}\n`);
    return error.kind === 'url' ? exitCodes.badInput : exitCodes.failure;
  }
  if (error instanceof WarehouseError) {
    io.stderr(`error: ${error.message}\n`);
    return error.kind === 'url' || error.kind === 'read_only' ? exitCodes.badInput : exitCodes.failure;
  }
  const detail = io.env.KPITREE_DEBUG && error instanceof Error ? (error.stack ?? error.message) : String(error instanceof Error ? error.message : error);
  io.stderr(`error: ${detail}\n(set KPITREE_DEBUG=1 for details)\n`);
  return exitCodes.failure;
}
