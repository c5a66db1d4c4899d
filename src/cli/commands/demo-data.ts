import { access, constants, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  buildDemoOrg, DemoError, DuckDbOrgWriter, parseIncidentFile, PostgresOrgWriter,
  type DemoManifest, type DemoProgress, type IncidentSpec, type Naming, type OrgWriter,
} from '../../demo/index.js';
import { isIsoDate } from '../../semantic/index.js';
import { parseWarehouseUrl, WarehouseError } from '../../warehouse/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { todayIso } from '../parse-options.js';

export interface DemoDataOptions {
  out?: string;
  warehouse?: string;
  schema: string;
  naming: string;
  scale: string;
  seed: string;
  asOf?: string;
  months: string;
  incidents: string;
  manifest?: string;
}

/**
 * kpitree demo-data: writes a synthetic Salesforce org (as Fivetran or Airbyte lands it) into a
 * DuckDB file or a Postgres schema, with planted incidents and their ground truth in a manifest.
 * Every option is checked before anything is generated; a failed run leaves nothing behind.
 */
export async function demoDataCommand(options: DemoDataOptions, io: CliIo): Promise<void> {
  const naming = parseNaming(options.naming);
  const scale = parseNumber('--scale', options.scale, (n) => n > 0 && n <= 1000, 'a number above 0 (1 = a mid-size org, 125 = a million opportunities)');
  const seed = parseNumber('--seed', options.seed, Number.isSafeInteger, 'a whole number');
  const months = parseNumber('--months', options.months, (n) => Number.isInteger(n) && n >= 1 && n <= 120, 'a whole number of months from 1 to 120');
  const asOf = options.asOf ?? todayIso(io.now(), 'UTC');
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of: "${asOf}" is not a date written YYYY-MM-DD`);
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(options.schema)) throw new UsageError(`--schema: "${options.schema}" should be letters, digits and underscores, starting with a letter`);
  const incidents = await readIncidents(options.incidents, io.cwd);
  const { writer, manifestPath } = await chooseTarget(options, naming, io);

  io.stderr(`Generating a demo Salesforce org (${naming} naming, scale ${scale}, ${months} months up to ${asOf}, seed ${seed}) into ${writer.description}…\n`);
  // Ctrl-C stops between chunks and removes what was written so far.
  const interrupt = new AbortController();
  const stop = () => interrupt.abort(new Error('interrupted; nothing was written'));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    const manifest = await run(() =>
      buildDemoOrg({
        seed, asOf, months, scale, incidents, naming, schema: options.schema, writer, manifestPath, signal: interrupt.signal,
        onProgress: progressLine(io), progressEveryMs: io.interactive ? 250 : 10_000,
      }),
    );
    io.stdout(summary(manifest, manifestPath));
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
}

function parseNaming(text: string): Naming {
  if (text !== 'fivetran' && text !== 'airbyte') throw new UsageError(`--naming: "${text}" is not a naming; use fivetran (stage_name) or airbyte (StageName)`);
  return text;
}

function parseNumber(flag: string, text: string, ok: (n: number) => boolean, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new UsageError(`${flag}: "${text}" is not ${what}`);
  return n;
}

async function readIncidents(value: string, cwd: string): Promise<'default' | 'none' | IncidentSpec[]> {
  if (value === 'default' || value === 'none') return value;
  const path = resolve(cwd, value);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--incidents: cannot read ${path}; give default, none, or a JSON file of incidents`);
  }
  return run(async () => parseIncidentFile(text, path));
}

async function chooseTarget(options: DemoDataOptions, naming: Naming, io: CliIo): Promise<{ writer: OrgWriter; manifestPath: string }> {
  if (options.out !== undefined && options.warehouse !== undefined) throw new UsageError('give --out FILE.duckdb or --warehouse URL, not both');
  let writer: OrgWriter;
  let besideOutput: string;
  const parsed = options.warehouse === undefined ? null : parseWarehouseUrl(options.warehouse, io.cwd);
  if (parsed?.engine === 'postgres') {
    const password = io.env.PGPASSWORD;
    writer = new PostgresOrgWriter({ ...parsed.target, ...(password ? { password } : {}) }, options.schema, naming);
    besideOutput = resolve(io.cwd, `${options.schema}.manifest.json`);
  } else {
    const path = parsed?.engine === 'duckdb' ? parsed.path : resolve(io.cwd, options.out ?? 'demo.duckdb');
    if (path === ':memory:') throw new UsageError('--warehouse: an in-memory DuckDB would vanish at once; give a file');
    await assertWritableFolder(parsed ? '--warehouse' : '--out', path);
    writer = new DuckDbOrgWriter(path, options.schema, naming);
    besideOutput = path.replace(/\.duckdb$/i, '') + '.manifest.json';
  }
  const manifestPath = options.manifest === undefined ? besideOutput : resolve(io.cwd, options.manifest);
  await assertWritableFolder('--manifest', manifestPath);
  return { writer, manifestPath };
}

async function assertWritableFolder(flag: string, path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new UsageError(`${flag}: cannot write ${path}: its folder ${dirname(path)} does not exist or is not writable`);
  }
}

/** Runs demo work, turning its errors into the CLI's: bad input exit 2, an unreachable server exit 1. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DemoError)) throw error;
    if (error.kind === 'connection') throw new WarehouseError('connection', error.message, { cause: error });
    throw new UsageError(error.message, error.details);
  }
}

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** Progress on stderr: a line redrawn in place on a terminal, a line every ten seconds otherwise. */
function progressLine(io: CliIo): (progress: DemoProgress) => void {
  return (p) => {
    const eta = p.etaMs === null ? '' : ` · ETA ${clock(p.etaMs)}`;
    const text = `${Math.floor(p.done * 100)}% · ${count(p.rowsWritten)} rows · ${count(p.rowsPerSecond)} rows/s · ${clock(p.elapsedMs)} elapsed${p.finished ? '' : eta}`;
    if (io.interactive) io.stderr(`\r\x1b[2K${text}${p.finished ? '\n' : ''}`);
    else io.stderr(`${text}\n`);
  };
}

function summary(manifest: DemoManifest, manifestPath: string): string {
  const c = manifest.counts;
  const activities = (c.task ?? 0) + (c.event ?? 0);
  const lines = [
    `Wrote ${count(c.opportunity ?? 0)} opportunities, ${count(activities)} activities (tasks and events), ${count(c.lead ?? 0)} leads and ${count(c.account ?? 0)} accounts`,
    `  (${count(Object.values(c).reduce((a, b) => a + b, 0))} rows in ${Object.keys(c).length} tables) to ${manifest.target}, ${manifest.span.start} to ${manifest.span.end}.`,
    manifest.control ? 'No incidents planted: a control org.' : `Planted ${manifest.incidents.length} incident${manifest.incidents.length === 1 ? '' : 's'}:`,
    ...manifest.incidents.map((i) => `  - ${i.id} from ${i.start}: ${i.description}`),
    `Ground truth: ${manifestPath}`,
  ];
  return `${lines.join('\n')}\n`;
}
