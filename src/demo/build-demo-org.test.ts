import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg, type BuildDemoOrgOptions, type DemoProgress } from './build-demo-org.js';
import type { DemoTableSpec } from './demo-schema.js';
import type { OrgWriter } from './org-writer.js';
import type { ColumnBatch } from './row-sink.js';

/** A writer that keeps nothing but counts, and records how it ended. */
class CountingWriter implements OrgWriter {
  readonly description = 'memory';
  rows = 0;
  ended: 'committed' | 'aborted' | null = null;
  async begin(_tables: readonly DemoTableSpec[]): Promise<void> {}
  async write(_table: DemoTableSpec, batch: ColumnBatch): Promise<number> {
    this.rows += batch.length;
    return batch.length;
  }
  async commit(): Promise<void> {
    this.ended = 'committed';
  }
  async abort(): Promise<void> {
    this.ended = 'aborted';
  }
}

describe('buildDemoOrg', () => {
  let dir: string;
  const options = (writer: OrgWriter, extra: Partial<BuildDemoOrgOptions> = {}): BuildDemoOrgOptions => ({
    seed: 3, asOf: '2025-06-02', months: 6, scale: 0.2, incidents: 'none', naming: 'fivetran', schema: 'salesforce', writer, ...extra,
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-build-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('streams every row to the writer, reports progress to the end, then writes the manifest', async () => {
    const writer = new CountingWriter();
    const seen: DemoProgress[] = [];
    let clock = 0;
    const manifest = await buildDemoOrg(options(writer, { manifestPath: join(dir, 'm.json'), onProgress: (p) => seen.push(p), progressEveryMs: 10, now: () => (clock += 5) }));
    expect(writer.ended).toBe('committed');
    expect(Object.values(manifest.counts).reduce((a, b) => a + b, 0)).toBe(writer.rows);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.map((p) => p.rowsWritten)).toEqual([...seen.map((p) => p.rowsWritten)].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ finished: true, done: 1, etaMs: 0, rowsWritten: writer.rows });
    expect(seen.find((p) => p.etaMs !== null && !p.finished)!.rowsPerSecond).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(join(dir, 'm.json'), 'utf8'))).toMatchObject({ control: true, incidents: [], counts: manifest.counts });
  });

  it('aborts the writer and writes no manifest when anything fails, or when stopped', async () => {
    const failing = new CountingWriter();
    const run = buildDemoOrg(options(failing, { manifestPath: join(dir, 'failed.json'), progressEveryMs: 0, onProgress: () => { throw new Error('disk full'); } }));
    await expect(run).rejects.toThrow('disk full');
    expect(failing.ended).toBe('aborted');
    expect(existsSync(join(dir, 'failed.json'))).toBe(false);

    const stopped = new CountingWriter();
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(buildDemoOrg(options(stopped, { signal: controller.signal }))).rejects.toThrow('interrupted');
    expect(stopped.ended).toBe('aborted');
  });
});
