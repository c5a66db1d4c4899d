import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns, openStore, readSeries } from '../../src/store/index.js';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { crmSyncProject } from '../sync/support/crm-sync-project.js';
import { spawnKpitree, type KpitreeProcess } from '../sync/support/spawn-kpitree.js';

/** `kpitree schedule`: the embedded scheduler in the foreground keeps the embedded store current. */
describe('kpitree schedule on the embedded store', () => {
  let copy: ProjectCopy;
  let scheduler: KpitreeProcess;

  beforeAll(async () => {
    // Every second (croner reads a sixth, leading field as seconds), and a schedule of its own for win_rate.
    ({ copy } = await crmSyncProject('cron: "* * * * * *"\nschedules:\n  - cron: "*/2 * * * * *"\n    metrics: [win_rate]\ndimensions: [region]'));
  });
  afterAll(async () => {
    scheduler?.kill();
    await copy?.remove();
  });

  it('runs each schedule at its times until SIGTERM, then stops cleanly after the run in progress', async () => {
    scheduler = spawnKpitree(['schedule', '-p', copy.dir]);
    await scheduler.waitFor(/Scheduler started/);
    expect(scheduler.stdout).toMatch(/^default: "\* \* \* \* \* \*" \(UTC\), 5 metrics; next run \d{4}-\d\d-\d\dT/m);
    expect(scheduler.stdout).toMatch(/^schedule-1: "\*\/2 \* \* \* \* \*" \(UTC\), 1 metrics; next run /m);
    await scheduler.waitFor(/default: Run \d+ succeeded[^]*default: Run \d+ succeeded/);
    await scheduler.waitFor(/schedule-1: Run \d+ succeeded: 1 of 1 metrics written/);
    scheduler.stop();
    const [code] = await scheduler.exited;
    expect(code, scheduler.stderr).toBe(0);
    // After the signal, at most the run in progress ends (and is analysed); no other starts.
    const [, after] = scheduler.stdout.split('SIGTERM: waiting for the run in progress, then stopping.\n');
    expect(after, scheduler.stdout).toBeDefined();
    expect(after!.match(/: Run \d+ /g)?.length ?? 0).toBeLessThanOrEqual(1);
    // Each run is analysed after it: the default schedule's first run was, before its second ran.
    expect(scheduler.stdout).toMatch(/default: Run (\d+) succeeded[^]*default: Analysis of run \1: [\d,]+ series judged[^]*default: Run \d+ succeeded/);

    const store = await openStore(`pglite:${join(copy.dir, '.kpitree', 'store')}`);
    try {
      const runs = await listRuns(store, { limit: 100 });
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs.every((run) => run.trigger === 'schedule' && run.status === 'succeeded')).toBe(true);
      expect(runs.map((r) => r.metricsPlanned).sort()).toContain(1);
      // Today's restatement window (the fixture's rows are older: its values are zeros, but they are there).
      const latest = await readSeries(store, { metric: 'closed_won_revenue', grain: 'month' });
      expect(latest.length).toBeGreaterThanOrEqual(3);
      expect(runs.map((r) => r.id)).toContain(latest[0]!.runId);
    } finally {
      await store.close();
    }
  });
});
