import { Command, CommanderError, Option } from 'commander';
import { StoreError } from '../store/index.js';
import { WarehouseError } from '../warehouse/index.js';
import { exitCodes, RuntimeFailure, UsageError } from './cli-error.js';
import { auditCommand } from './commands/audit.js';
import { accuracyCommand } from './commands/accuracy.js';
import { anomaliesCommand } from './commands/anomalies.js';
import { correlateCommand } from './commands/correlate.js';
import { detectCommand } from './commands/detect.js';
import { discoverCommand } from './commands/discover.js';
import { edgesCommand } from './commands/edges.js';
import { explainCommand } from './commands/explain.js';
import { demoDataCommand } from './commands/demo-data.js';
import { demoCommand } from './commands/demo.js';
import { forecastCommand } from './commands/forecast.js';
import { inboxCommand } from './commands/inbox.js';
import { planActCommand } from './commands/plans-act.js';
import { plansDeliveriesCommand } from './commands/plans-deliveries.js';
import { plansEvaluateCommand } from './commands/plans-evaluate.js';
import { planShowCommand, plansCommand } from './commands/plans.js';
import { forecastsCommand } from './commands/forecasts.js';
import { queryCommand } from './commands/query.js';
import { runsCommand } from './commands/runs.js';
import { scheduleCommand } from './commands/schedule.js';
import { serveCommand } from './commands/serve.js';
import { seriesCommand } from './commands/series.js';
import { syncCommand } from './commands/sync.js';
import { workerCommand } from './commands/worker.js';
import { treeCommand } from './commands/tree.js';
import { createTokenCommand, listTokensCommand, listUsersCommand, revokeTokenCommand, setPasswordCommand } from './commands/users.js';
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
    .option('--no-analyze', 'skip the analysis after the sync (anomalies, forecasts, influence edges)')
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

  program
    .command('audit')
    .description('check every KPI against the KPI rules (owner, target, threshold and playbook, cadence for its layer, a path to revenue, a leading indicator per layer, ≤ 10 executive metrics); exit 0 when clean, 1 with findings')
    .addOption(projectOption())
    .addOption(formatOption())
    .action((options) => auditCommand(options, io));

  const plans = program.command('plans').description('action plans opened when owned metrics break their triggers (from the store)');
  plans
    .command('list', { isDefault: true })
    .description('plans by owner and state (the default)')
    .addOption(projectOption())
    .option('--owner <person>', 'only plans this person owns or had escalated to them')
    .option('--state <state>', 'open, acknowledged, resolved or verified')
    .addOption(formatOption())
    .action((options) => plansCommand(options, io));
  plans
    .command('show')
    .description("one plan with its history: who did what, when")
    .argument('<id>', 'plan id')
    .addOption(projectOption())
    .addOption(formatOption())
    .action((id, options) => planShowCommand(id, options, io));
  for (const [name, action, what] of [['ack', 'acknowledge', 'acknowledge an open plan'], ['resolve', 'resolve', 'mark a plan done: verified once the metric recovers, reopened if it has not by the review date']] as const) {
    plans
      .command(name)
      .description(what)
      .argument('<id>', 'plan id')
      .requiredOption('--as <person>', 'who acts (an owners.yaml person id), recorded in the history')
      .option('--note <text>', 'a note for the history')
      .addOption(projectOption())
      .action((id, options) => planActCommand(action, id, options, io));
  }
  plans
    .command('evaluate')
    .description('after a sync: judge every trigger on the stored values, open, escalate, verify or reopen plans, queue due digests and send what waits')
    .addOption(projectOption())
    .option('--as-of <time>', 'judge as at this date or time (default: now)')
    .action((options) => plansEvaluateCommand(options, io));
  plans
    .command('deliveries')
    .description('email and webhook messages with their tries and last error')
    .addOption(projectOption())
    .option('--status <status>', 'pending, sent or failed')
    .addOption(formatOption())
    .action((options) => plansDeliveriesCommand(options, io));

  program
    .command('inbox')
    .description("a person's in-app notifications (unread unless --all)")
    .requiredOption('--as <person>', 'whose inbox (an owners.yaml person id)')
    .option('--all', 'read ones too')
    .option('--read', 'mark the ones shown as read')
    .addOption(projectOption())
    .addOption(formatOption())
    .action((options) => inboxCommand(options, io));

  program
    .command('serve')
    .description('serve the API (OpenAPI at /openapi.json) and run the sync on its schedules, in this process, until stopped')
    .addOption(projectOption())
    .option('--port <port>', 'the port to listen on', '4400')
    .option('--host <host>', 'the address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--no-schedule', "serve only: leave kpitree.yaml's sync schedules to another process")
    .option('--secure-cookie', 'send the session cookie over HTTPS only (behind a TLS proxy)')
    .action((options) => serveCommand(options, io));

  const users = program.command('users').description("who may sign in: the people of owners.yaml, their passwords and API tokens");
  users.command('list').description('the users, their roles and whether a password is set').addOption(projectOption()).addOption(formatOption()).action((options) => listUsersCommand(options, io));
  users
    .command('set-password')
    .description('set a password, read from standard input (a prompt on a terminal), never from the command line')
    .argument('<person>', "the person's id in owners.yaml")
    .addOption(projectOption())
    .action((person, options) => setPasswordCommand(person, options, io));
  users
    .command('create-token')
    .description('create an API token for automation; it is printed once')
    .argument('<person>', "the person's id in owners.yaml: the token reads what they may read")
    .requiredOption('-n, --name <name>', 'what the token is for')
    .addOption(projectOption())
    .action((person, options) => createTokenCommand(person, options, io));
  users.command('tokens').description('every API token: holder, name, last use (never the token)').addOption(projectOption()).addOption(formatOption()).action((options) => listTokensCommand(options, io));
  users
    .command('revoke-token')
    .description('revoke an API token at once')
    .argument('<id>', 'the token number (kpitree users tokens)')
    .addOption(projectOption())
    .action((id, options) => revokeTokenCommand(id, options, io));

  // What the analysis after each sync stored: read from the store only.
  program
    .command('anomalies')
    .description('anomalies found in the stored series after each sync, newest first (each incident once)')
    .addOption(projectOption())
    .option('-m, --metric <metric>', 'only this metric')
    .option('-g, --grain <grain>', 'only this grain: day, week or month')
    .option('--since <period>', 'only periods from this one: 2026-05-04, 2026-05, 2026-Q2 or 2026')
    .option('--all', 'also the anomalies a child metric or a narrower slice fully explains')
    .addOption(formatOption())
    .action((options) => anomaliesCommand(options, io));

  program
    .command('forecasts')
    .description("a metric's latest kept forecast with intervals, the actuals so far, and its accuracy to date")
    .argument('<metric>', 'metric id')
    .addOption(projectOption())
    .option('-g, --grain <grain>', 'week or month (default: the first kept of sync.grains)')
    .addOption(formatOption())
    .action((metric, options) => forecastsCommand(metric, options, io));

  program
    .command('accuracy')
    .description('how close the kept forecasts came once their actuals landed: seed accuracy, MASE, interval coverage')
    .addOption(projectOption())
    .option('--by <grouping>', 'metric or owner (responsible or accountable in owners.yaml)', 'metric')
    .addOption(formatOption())
    .action((options) => accuracyCommand(options, io));

  program
    .command('edges')
    .description("each influence edge's latest fit: lag, correlation, q across the tree, weight")
    .argument('[tree]', 'only this tree')
    .addOption(projectOption())
    .addOption(formatOption())
    .action((tree, options) => edgesCommand(tree, options, io));

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
