import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeries } from './series/read-series.js';
import { replaceSeriesWindow } from './series/replace-series-window.js';
import { bigWindowRows } from './test-support/big-window.js';
import { storeTargets, type StoreTarget } from './test-support/store-targets.js';

const child = fileURLToPath(new URL('./test-support/write-window-child.ts', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
const from = '2020-01-01';
const oldCount = 36_600; // 100 slices × 366 days, value 1, run 1
const newCount = 219_600; // 600 slices × 366 days, value 2, run 2: 44 batches

/**
 * Runs the child writer (npx tsx, in its own process group) and kills the group with SIGKILL once
 * it has written `afterBatches` batches inside its transaction. Returns what it printed last.
 */
async function killMidWrite(target: StoreTarget, afterBatches: number): Promise<string> {
  const args = ['tsx', child, target.url, target.schema ?? '-', 'killed_metric', from, String(newCount)];
  const writer = spawn('npx', args, { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(writer, 'exit');
  let stderr = '';
  writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let last = '';
  let batches = 0;
  for await (const line of createInterface({ input: writer.stdout })) {
    last = line;
    if (line.startsWith('wrote ') && ++batches === afterBatches) {
      process.kill(-writer.pid!, 'SIGKILL');
      break;
    }
  }
  const [code, signal] = await exited;
  if (batches < afterBatches) throw new Error(`the writer ended before it was killed (exit ${code}, ${signal}): ${last}\n${stderr}`);
  return last;
}

describe.each(storeTargets)('a writer killed mid-window on %s', (_name, makeTarget) => {
  let target: StoreTarget;

  beforeAll(async () => {
    target = await makeTarget();
    const store = await target.open();
    const old = bigWindowRows(from, oldCount, 1);
    await replaceSeriesWindow(store, { metric: 'killed_metric', grain: 'day', from, to: old.to, rows: old.rows, runId: 1 });
    const outside = [{ period: '2019-12-31', slice: {}, value: 9 }, { period: '2021-01-01', slice: {}, value: 9 }];
    await replaceSeriesWindow(store, { metric: 'killed_metric', grain: 'day', from: '2019-12-31', to: '2019-12-31', rows: outside.slice(0, 1), runId: 1 });
    await replaceSeriesWindow(store, { metric: 'killed_metric', grain: 'day', from: '2021-01-01', to: '2021-01-01', rows: outside.slice(1), runId: 1 });
    await store.close(); // PGlite: frees the folder for the child
  });

  afterAll(async () => {
    await target?.cleanup();
  });

  it('leaves either the old window or the new one, never a mix, and the store usable', async () => {
    const afterBatches = 1 + Math.floor(Math.random() * 8);
    const last = await killMidWrite(target, afterBatches);
    expect(last).toBe(`wrote ${afterBatches * 5_000}`);

    const store = await target.open({ lockTimeoutMs: 5_000 }); // PGlite: a stale lock, recovery from its WAL
    try {
      const window = await store.query<{ run_id: number; value: number; n: number }>(
        `SELECT run_id, value, count(*)::integer AS n FROM metric_series
         WHERE metric_id = 'killed_metric' AND period_start BETWEEN '2020-01-01' AND '2020-12-31' GROUP BY 1, 2`,
      );
      expect([[{ run_id: 1, value: 1, n: oldCount }], [{ run_id: 2, value: 2, n: newCount }]]).toContainEqual(window);
      expect(window).toEqual([{ run_id: 1, value: 1, n: oldCount }]); // killed long before its commit
      const outside = await store.query<{ period_start: string; value: number }>(
        `SELECT period_start, value FROM metric_series WHERE metric_id = 'killed_metric' AND period_start NOT BETWEEN '2020-01-01' AND '2020-12-31' ORDER BY 1`,
      );
      expect(outside).toEqual([{ period_start: '2019-12-31', value: 9 }, { period_start: '2021-01-01', value: 9 }]);
      await replaceSeriesWindow(store, { metric: 'killed_metric', grain: 'day', from, to: '2020-01-01', rows: [], runId: 3 });
      expect(await readSeries(store, { metric: 'killed_metric', grain: 'day', slice: { region: 'r0' }, to: '2020-01-02' })).toMatchObject([{ period: '2020-01-02', value: 1 }]);
    } finally {
      await store.close();
    }
  });
});
