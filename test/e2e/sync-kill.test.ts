import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, readRun, type Store } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { spawnKpitree } from '../sync/support/spawn-kpitree.js';
import { setSyncSettings } from '../support/set-sync-settings.js';

/**
 * `kpitree sync --full` as a real child process on a demo org, killed with SIGKILL at random
 * moments: the embedded store is always consistent. Every metric × grain is entirely from one run
 * (all runs cover the same window), and that run recorded the metric as written, with exactly that
 * many values; the killed run shows as interrupted; the next run completes.
 */
describe('a sync killed at random moments', () => {
  let dir: string;
  let project: string;
  const storeUrl = () => `pglite:${join(project, '.kpitree', 'store')}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-sync-kill-'));
    const warehouse = join(dir, 'org.duckdb');
    const demo = await runCli(['demo-data', '--out', warehouse, '--scale', '0.2', '--as-of', '2026-06-30']);
    expect(demo.code, demo.stderr).toBe(0);
    project = join(dir, 'project');
    const discover = await runCli(['discover', '--warehouse', `duckdb:${warehouse}`, '--out', project]);
    expect(discover.code, discover.stderr).toBe(0);
    const config = join(project, 'kpitree.yaml');
    await setSyncSettings(config, 'dimensions: [region, segment]\nhistory_start: "2026-01-01"');
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Runs the sync in a child; kills it `killAfterMs` after it has started its run (or lets it end). */
  async function sync(killAfterMs?: number): Promise<{ runId: number; code: number | null; signal: string | null; ms: number; output: string }> {
    // The sync alone: a kill during the analysis after it would find the run already finished.
    const child = spawnKpitree(['sync', '--full', '--no-analyze', '-p', project]);
    await child.waitFor(/^Run \d+: /m, 30_000);
    const started = performance.now();
    const runId = Number(/^Run (\d+): /m.exec(child.stderr)![1]);
    if (killAfterMs !== undefined) setTimeout(() => child.kill(), killAfterMs);
    const [code, signal] = await child.exited;
    return { runId, code, signal, ms: performance.now() - started, output: child.stdout + child.stderr };
  }

  async function expectConsistent(store: Store): Promise<void> {
    const mixed = await store.query('SELECT metric_id, grain FROM metric_series GROUP BY 1, 2 HAVING count(DISTINCT run_id) > 1');
    expect(mixed, 'a metric × grain mixes values of several runs').toEqual([]);
    const written = await store.query<{ metric_id: string; run_id: number; values: number; recorded: number | null }>(
      `SELECT s.metric_id, s.run_id, s.values, m.rows_written AS recorded
       FROM (SELECT metric_id, run_id, count(*)::integer AS values FROM metric_series GROUP BY 1, 2) AS s
       LEFT JOIN sync_run_metrics AS m ON m.run_id = s.run_id AND m.metric_id = s.metric_id AND m.status = 'succeeded'`,
    );
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((w) => w.values !== w.recorded), 'values without their run’s record, or a metric written in part').toEqual([]);
    // And the other way: a metric a run recorded as written holds that run's values, unless a later run wrote it again.
    const lost = await store.query(
      `SELECT m.run_id, m.metric_id FROM sync_run_metrics AS m
       WHERE m.status = 'succeeded' AND m.rows_written > 0
         AND NOT EXISTS (SELECT 1 FROM metric_series AS s WHERE s.metric_id = m.metric_id AND s.run_id >= m.run_id)`,
    );
    expect(lost).toEqual([]);
  }

  it('leaves each metric whole from one run, marks the killed run interrupted, and the next run completes', async () => {
    const first = await sync();
    expect(first.code, first.output).toBe(0);
    const killedRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const killAfter = Math.round(first.ms * (0.05 + 0.55 * Math.random()));
      const killed = await sync(killAfter);
      expect(killed.signal, `kill ${i + 1} after ${killAfter} ms came too late: ${killed.output}`).toBe('SIGKILL');
      killedRuns.push(killed.runId);
      const store = await openStore(storeUrl(), { lockTimeoutMs: 10_000 }); // takes the dead process's lock over
      try {
        expect((await readRun(store, killed.runId))!.status).toBe('interrupted');
        await expectConsistent(store);
      } finally {
        await store.close();
      }
    }
    const last = await sync();
    expect(last.code, last.output).toBe(0);
    expect(last.output).toMatch(new RegExp(`Run ${last.runId} succeeded: (\\d+) of \\1 metrics written`));
    const store = await openStore(storeUrl());
    try {
      await expectConsistent(store);
      const runs = await store.query<{ run_id: number }>('SELECT DISTINCT run_id FROM metric_series');
      expect(runs).toEqual([{ run_id: last.runId }]);
      for (const id of killedRuns) expect((await readRun(store, id))!.status).toBe('interrupted');
    } finally {
      await store.close();
    }
  }, 300_000); // five full syncs as child processes: slow on a loaded machine
});
