import { Command, CommanderError, Option } from 'commander';
import { WarehouseError } from '../warehouse/index.js';
import { exitCodes, UsageError } from './cli-error.js';
import { exampleCommand } from './commands/example.js';
import { queryCommand } from './commands/query.js';
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
    .command('example')
    .description("build the example project's DuckDB warehouse and print its revenue tree")
    .option('--dir <dir>', 'example project folder (default: the bundled examples/revenue)')
    .option('--as-of <date>', 'the day the generated data ends (default: today)')
    .option('--seed <n>', 'random seed of the generated org', '42')
    .option('-g, --grain <grain>', 'grain of the printed tree', 'month')
    .addOption(formatOption())
    .action((options) => exampleCommand(options, io));

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
  if (error instanceof WarehouseError) {
    io.stderr(`error: ${error.message}\n`);
    return error.kind === 'url' || error.kind === 'read_only' ? exitCodes.badInput : exitCodes.failure;
  }
  const detail = io.env.KPITREE_DEBUG && error instanceof Error ? (error.stack ?? error.message) : String(error instanceof Error ? error.message : error);
  io.stderr(`error: ${detail}\n(set KPITREE_DEBUG=1 for details)\n`);
  return exitCodes.failure;
}
