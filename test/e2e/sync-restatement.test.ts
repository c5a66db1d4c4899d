import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';
import { changeDuckDbFile } from '../sync/support/duckdb-file.js';
import { crmSyncProject } from '../sync/support/crm-sync-project.js';

/**
 * Late and edited CRM rows: an incremental run recomputes the trailing window (30 days before
 * 2025-05-15, rounded out: weeks from 2025-04-14, months and quarters from 2025-04-01) and nothing
 * before it; --full recomputes everything.
 */
describe('the restatement window', () => {
  let copy: ProjectCopy;
  const cli = (...args: string[]) => runCli([...args, '-p', copy.dir]);
  /** [period, value, run] of each stored value; a failure to read fails the test with its message. */
  const series = async (metric: string, grain: string, ...slice: string[]) => {
    const run = await cli('series', metric, '--grain', grain, ...slice.flatMap((s) => ['--slice', s]), '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { period: string; value: number | null; runId: number }[]).map((r) => [r.period, r.value, r.runId] as const);
  };

  beforeAll(async () => {
    ({ copy } = await crmSyncProject('dimensions: [region]\nrestatement: 30 days\nhistory_start: "2024-12-01"'));
    const full = await cli('sync', '--full');
    expect(full.code, full.stderr).toBe(0);
    await changeDuckDbFile(
      join(copy.dir, 'warehouse.duckdb'),
      // Inside every grain's window: o6 (Ana, EMEA, closes 2025-04-15) is won after all.
      `UPDATE opportunities SET stage_name = 'Closed Won', is_won = true, is_closed = true WHERE id = 'o6'`,
      // Outside it: o5 (won 2025-03-10) gets a corrected amount.
      'UPDATE opportunities SET amount = 333 WHERE id = \'o5\'',
      // Ben moves from NA to LATAM: the NA slice vanishes from the window, LATAM appears there.
      `UPDATE users SET region = 'LATAM' WHERE id = 'u2'`,
    );
  });
  afterAll(() => copy?.remove());

  it('an incremental run picks up edits inside the window, leaves the rest, and drops slices gone from it', async () => {
    const sync = await cli('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/restatement window: week from 2025-04-14, month from 2025-04-01, quarter from 2025-04-01, to 2025-05-15/);
    expect(await series('closed_won_revenue', 'month')).toEqual([
      ['2024-12-01', 0, 1], ['2025-01-01', 1250, 1], ['2025-02-01', 0, 1],
      ['2025-03-01', 2300, 1], // o5's new amount is outside the window: not yet
      ['2025-04-01', 2400, 2], // o8 900 + o6 1500, picked up
      ['2025-05-01', 0, 2],
    ]);
    expect((await series('closed_won_revenue', 'week')).filter((r) => r[0] >= '2025-04-07')).toEqual([
      ['2025-04-07', 0, 1], ['2025-04-14', 1500, 2], ['2025-04-21', 0, 2], ['2025-04-28', 0, 2], ['2025-05-05', 0, 2], ['2025-05-12', 0, 2],
    ]);
    // NA is kept before the window and gone inside it; LATAM exists only inside it.
    expect(await series('closed_won_revenue', 'month', 'region=NA')).toEqual([['2024-12-01', 0, 1], ['2025-01-01', 0, 1], ['2025-02-01', 0, 1], ['2025-03-01', 2000, 1]]);
    expect(await series('closed_won_revenue', 'month', 'region=LATAM')).toEqual([['2025-04-01', 0, 2], ['2025-05-01', 0, 2]]);
    expect(await series('win_rate', 'quarter')).toEqual([['2024-10-01', null, 1], ['2025-01-01', 2 / 3, 1], ['2025-04-01', 1, 2]]);
  });

  it('--full restates all history', async () => {
    const sync = await cli('sync', '--full');
    expect(sync.code, sync.stderr).toBe(0);
    expect((await series('closed_won_revenue', 'month')).map((r) => r.slice(0, 2))).toEqual([
      ['2024-12-01', 0], ['2025-01-01', 1250], ['2025-02-01', 0], ['2025-03-01', 2333], ['2025-04-01', 2400], ['2025-05-01', 0],
    ]);
    const gone = await cli('series', 'closed_won_revenue', '--grain', 'month', '--slice', 'region=NA');
    expect(gone.stderr).toMatch(/no stored slice region=NA by month/);
    expect((await series('closed_won_revenue', 'month', 'region=LATAM')).map((r) => r.slice(0, 2))).toEqual([
      ['2024-12-01', 0], ['2025-01-01', 0], ['2025-02-01', 0], ['2025-03-01', 2000], ['2025-04-01', 0], ['2025-05-01', 0],
    ]);
  });
});
