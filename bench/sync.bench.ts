/**
 * The sync on the demo org: a full sync of the whole catalogue into the store, timed against the
 * same SQL statements run directly on DuckDB; then many concurrent readers of series, counting the
 * warehouse queries they cause (there must be none).
 *
 * Run: npx tsx bench/sync.bench.ts [--scale 1] [--warehouse FILE.duckdb] [--store URL]
 *        [--dimensions region,segment] [--readers 200] [--rounds 10] [--keep]
 * (bench/README.md holds recorded runs.) Without --warehouse, a demo org of --scale is generated
 * (as of 2026-06-30) in a temp folder; --store defaults to a PGlite folder there.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { connectWarehouse, loadProjectFolder } from '../src/project/index.js';
import type { Grain } from '../src/model/index.js';
import { listSlices, openStore, readSeries, type Slice } from '../src/store/index.js';
import { compileMetricSync, runSync, syncRanges } from '../src/sync/index.js';
import type { SqlValue, Warehouse } from '../src/warehouse/index.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    warehouse: { type: 'string' },
    store: { type: 'string' },
    dimensions: { type: 'string', default: 'region,segment' },
    readers: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '10' },
    today: { type: 'string', default: '2026-06-30' },
    keep: { type: 'boolean', default: false },
  },
});
const today = values.today;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (text: string) => process.stderr.write(`${text}\n`);

/** The CLI in-process, quietly (its errors still show). */
async function kpitree(args: string[]): Promise<void> {
  let stderr = '';
  const io: CliIo = { stdout: () => undefined, stderr: (t) => void (stderr += t), cwd: process.cwd(), env: process.env, now: () => new Date(), interactive: false };
  const code = await main(args, io);
  if (code !== 0) throw new Error(`kpitree ${args.join(' ')} failed (${code}):\n${stderr}`);
}

const dir = await mkdtemp(join(tmpdir(), 'kpitree-sync-bench-'));
const file = values.warehouse ?? join(dir, 'org.duckdb');
if (!existsSync(file)) {
  log(`Generating a demo org at scale ${values.scale} into ${file} …`);
  await kpitree(['demo-data', '--out', file, '--scale', values.scale, '--as-of', today]);
}
const projectDir = join(dir, 'project');
await kpitree(['discover', '--warehouse', `duckdb:${file}`, '--out', projectDir]);
const { project } = await loadProjectFolder(projectDir);
project.config.sync.dimensions = values.dimensions.split(',').filter(Boolean);
const metrics = [...project.metrics.keys()];
const ranges = syncRanges(project.config.sync, project.config.calendar, today, true);

/** A warehouse that counts what it is asked. */
function counting(inner: Warehouse): Warehouse & { count: number } {
  const counted = {
    count: 0,
    dialect: inner.dialect,
    description: inner.description,
    query(sql: string, params?: readonly SqlValue[]) {
      counted.count++;
      return inner.query(sql, params);
    },
    introspect: () => inner.introspect(),
    close: () => inner.close(),
  };
  return counted;
}

// The statements the sync sends, compiled once here the same way, for the direct runs.
const catalogWarehouse = await connectWarehouse(project, projectDir);
const catalog = await catalogWarehouse.introspect();
const statements = metrics.map((metric) => compileMetricSync({ project, catalog, warehouse: catalogWarehouse }, metric, ranges));
await catalogWarehouse.close();

/** Every statement straight on DuckDB (its node client, one connection, rows read in full): no kpitree code. */
async function runDirect(): Promise<{ ms: number; rows: number }> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(`SET schema = '${project.config.warehouse.schema ?? 'main'}'`);
  const started = performance.now();
  let rows = 0;
  for (const statement of statements) {
    const prepared = await connection.prepare(statement.sql);
    if (statement.params.length > 0) prepared.bind(statement.params as never);
    rows += (await prepared.runAndReadAll()).getRows().length;
    prepared.destroySync();
  }
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  return { ms, rows };
}

log(`${metrics.length} metrics × ${ranges.map((r) => `${r.grain} from ${r.from}`).join(', ')} to ${today}, dimensions ${project.config.sync.dimensions.join(', ') || '(none)'}`);
log('Direct on DuckDB, pass 1 …');
const direct1 = await runDirect();

const storeUrl = values.store ?? `pglite:${join(dir, 'store')}`;
const store = await openStore(storeUrl);
const warehouse = counting(await connectWarehouse(project, projectDir));
log(`Full sync into ${store.description} …`);
let lastLine = 0;
const sync = await runSync(
  { project, warehouse, catalog: await warehouse.introspect(), store },
  {
    metrics,
    full: true,
    today,
    onProgress: (p) => {
      if (p.elapsedMs - lastLine < 10_000) return;
      lastLine = p.elapsedMs;
      log(`  ${p.done}/${p.total} metrics · ${n(p.rows)} values · ${s(p.elapsedMs)} · ETA ${p.etaMs === undefined ? '–' : s(p.etaMs)}`);
    },
  },
);
const syncQueries = warehouse.count;
log('Direct on DuckDB, pass 2 …');
const direct2 = await runDirect();

// Readers: random metric × grain × slice among those stored, `readers` at once, `rounds` times.
const series: { metric: string; grain: Grain; slice: Slice }[] = [];
for (const metric of metrics) for (const { grain } of ranges) for (const slice of await listSlices(store, metric, grain)) series.push({ metric, grain, slice });
warehouse.count = 0;
const readers = Number(values.readers);
const latencies: number[] = [];
let valuesRead = 0;
const readStarted = performance.now();
for (let round = 0; round < Number(values.rounds); round++) {
  await Promise.all(
    Array.from({ length: readers }, async () => {
      const pick = series[Math.floor(Math.random() * series.length)]!;
      const started = performance.now();
      const rows = await readSeries(store, pick);
      latencies.push(performance.now() - started);
      valuesRead += rows.length;
    }),
  );
}
const readMs = performance.now() - readStarted;
const readerQueries = warehouse.count;
await warehouse.close();
await store.close();

const directMs = (direct1.ms + direct2.ms) / 2;
const pct = (p: number) => [...latencies].sort((a, b) => a - b)[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
const failed = sync.outcomes.filter((o) => o.status === 'failed');
console.log(`sync bench: ${file} (${n((await import('node:fs')).statSync(file).size / 2 ** 20)} MB), ${process.version}, store ${store.description.replace(dir, '<tmp>')}`);
console.log(`metrics ${metrics.length} (${failed.length} failed${failed.length ? `: ${failed.map((f) => f.metric).join(', ')}` : ''}), warehouse queries during the sync ${syncQueries}, values written ${n(sync.run.rowsWritten)}`);
console.log(`full sync (query + store)      ${s(sync.durationMs)}`);
console.log(`same SQL directly on DuckDB    ${s(directMs)}  (pass 1 ${s(direct1.ms)}, pass 2 ${s(direct2.ms)}; ${n(direct1.rows)} rows)`);
console.log(`ratio sync / direct            ${(sync.durationMs / directMs).toFixed(3)}  (overhead ${(((sync.durationMs - directMs) / directMs) * 100).toFixed(1)}%)`);
console.log(`readers: ${n(latencies.length)} readSeries (${readers} at once × ${values.rounds}) over ${n(series.length)} stored series, ${n(valuesRead)} values, ${s(readMs)}; ` +
  `${n(latencies.length / (readMs / 1000))} reads/s; latency p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms`);
console.log(`warehouse queries during the readers: ${readerQueries}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (readerQueries !== 0 || syncQueries !== metrics.length) process.exitCode = 1;
if (!values.keep) await rm(dir, { recursive: true, force: true });
else log(`kept ${dir}`);
