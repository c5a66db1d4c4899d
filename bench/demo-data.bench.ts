/**
 * Generates a demo org and writes it into DuckDB, then prints rows per second per table and
 * overall. Run: npx tsx bench/demo-data.bench.ts [--scale 1] [--naming fivetran] [--out FILE] [--keep]
 * (bench/README.md holds recorded runs).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoOrg, DuckDbOrgWriter, type ColumnBatch, type DemoTableSpec, type Naming, type OrgWriter } from '../src/demo/index.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    naming: { type: 'string', default: 'fivetran' },
    out: { type: 'string' },
    'as-of': { type: 'string', default: '2026-11-23' },
    keep: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const naming = values.naming as Naming;

/** Times the writer's part per table: turning batches into DuckDB chunks, and waiting for DuckDB. */
class TimedWriter implements OrgWriter {
  readonly perTable = new Map<string, { rows: number; ms: number }>();
  commitMs = 0;

  constructor(private readonly inner: OrgWriter) {}

  get description(): string {
    return this.inner.description;
  }

  begin(tables: readonly DemoTableSpec[]): Promise<void> {
    return this.inner.begin(tables);
  }

  async write(table: DemoTableSpec, batch: ColumnBatch): Promise<number> {
    const started = performance.now();
    const written = await this.inner.write(table, batch);
    const entry = this.perTable.get(table.object) ?? { rows: 0, ms: 0 };
    entry.rows += written;
    entry.ms += performance.now() - started;
    this.perTable.set(table.object, entry);
    return written;
  }

  async commit(): Promise<void> {
    const started = performance.now();
    await this.inner.commit();
    this.commitMs = performance.now() - started;
  }

  abort(): Promise<void> {
    return this.inner.abort();
  }
}

const dir = values.out ? null : await mkdtemp(join(tmpdir(), 'kpitree-bench-'));
const path = values.out ?? join(dir!, 'demo.duckdb');
const writer = new TimedWriter(new DuckDbOrgWriter(path, 'salesforce', naming));
const started = performance.now();
const manifest = await buildDemoOrg({
  seed: 42, asOf: values['as-of'], months: 24, scale, incidents: 'default', naming, schema: 'salesforce', writer, progressEveryMs: 5_000,
  onProgress: (p) => process.stderr.write(`${Math.floor(p.done * 100)}% · ${p.rowsWritten.toLocaleString('en-US')} rows · ${Math.round(p.rowsPerSecond).toLocaleString('en-US')} rows/s · ${(p.elapsedMs / 1000).toFixed(0)} s · RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`),
});
const seconds = (performance.now() - started) / 1000;
const size = (await stat(path)).size;

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const rows = [...writer.perTable].sort((a, b) => b[1].rows - a[1].rows);
const total = rows.reduce((sum, [, t]) => sum + t.rows, 0);
console.log(`demo-data bench: scale ${scale}, ${naming}, ${process.version}, DuckDB file ${(size / 2 ** 20).toFixed(0)} MB`);
console.log(`${'table'.padEnd(26)}${'rows'.padStart(14)}${'write s'.padStart(10)}${'rows/s written'.padStart(16)}${'rows/s overall'.padStart(16)}`);
for (const [table, t] of rows) {
  console.log(`${table.padEnd(26)}${n(t.rows).padStart(14)}${(t.ms / 1000).toFixed(1).padStart(10)}${n(t.rows / (t.ms / 1000 || 1e-9)).padStart(16)}${n(t.rows / seconds).padStart(16)}`);
}
console.log(`${'total'.padEnd(26)}${n(total).padStart(14)}${''.padStart(10)}${''.padStart(16)}${n(total / seconds).padStart(16)}`);
console.log(`${n(manifest.counts.opportunity ?? 0)} opportunities, ${n((manifest.counts.task ?? 0) + (manifest.counts.event ?? 0))} activities; ` +
  `${seconds.toFixed(1)} s in all (final commit ${(writer.commitMs / 1000).toFixed(1)} s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (dir && !values.keep) await rm(dir, { recursive: true, force: true });
