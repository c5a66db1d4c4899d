import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import { checkDate, checkSeriesKey } from './check-series-input.js';
import { refreshStatistics } from './refresh-statistics.js';
import type { SeriesKey, SeriesRow } from './series-types.js';
import { sliceKey, sliceProblem } from './slice-key.js';

/** Rows per INSERT: each batch is three bound arrays expanded by unnest (measured best at a few thousand). */
export const seriesBatchSize = 5_000;

/** First key of the advisory lock a series write takes (the second is the series' hash). */
const seriesLock = 0x6b707473;

export interface SeriesWindow extends SeriesKey {
  /** First and last period start of the window, 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
  /** Every value of the window; each period must lie in [from, to] and each slice × period appear once. */
  rows: readonly SeriesRow[];
  runId: number;
  /** Called after each batch with the rows written so far. */
  onProgress?: (rowsWritten: number) => void;
}

export interface WindowReplaced {
  deleted: number;
  written: number;
}

/**
 * Replaces the stored values of a metric and grain whose period lies in [from, to] by `rows`,
 * in one transaction (a savepoint when `db` is already a transaction): afterwards the window holds
 * exactly `rows` (a slice gone from the source is gone), and nothing outside it has changed.
 * A failure, or a process killed midway, leaves the previous values. Two writers of the same
 * metric and grain at once take turns: the last to commit wins.
 */
export async function replaceSeriesWindow(db: Queryable, window: SeriesWindow): Promise<WindowReplaced> {
  const { metric, grain, runId } = window;
  const columns = windowColumns(window);
  return db.withTransaction(async (tx) => {
    // Writers of the same series take turns (the second then sees and replaces the first's rows,
    // instead of failing on its keys); other series are written in parallel.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [seriesLock, `${metric}:${grain}`]);
    const [deleted] = await tx.query<{ count: number }>(
      `WITH gone AS (
         DELETE FROM metric_series WHERE metric_id = $1 AND grain = $2 AND period_start BETWEEN $3 AND $4 RETURNING 1
       ) SELECT count(*)::integer AS count FROM gone`,
      [metric, grain, window.from, window.to],
    );
    let written = 0;
    for (let start = 0; start < columns.keys.length; start += seriesBatchSize) {
      const end = start + seriesBatchSize;
      await tx.query(
        `INSERT INTO metric_series (metric_id, grain, slice_key, period_start, slice, value, computed_at, run_id)
         SELECT $1, $2, k, p, k::jsonb, v, now(), $3
         FROM unnest($4::text[], $5::date[], $6::double precision[]) AS batch (k, p, v)`,
        [metric, grain, runId, columns.keys.slice(start, end), columns.periods.slice(start, end), columns.values.slice(start, end)],
      );
      written = Math.min(end, columns.keys.length);
      window.onProgress?.(written);
    }
    await refreshStatistics(tx, (deleted?.count ?? 0) + written);
    return { deleted: deleted?.count ?? 0, written };
  });
}

/** Checks the whole window before anything is written, and lays it out as columns. */
function windowColumns(window: SeriesWindow): { keys: string[]; periods: string[]; values: (number | null)[] } {
  checkSeriesKey(window.metric, window.grain);
  const from = checkDate(window.from, 'The window start (from)');
  const to = checkDate(window.to, 'The window end (to)');
  if (from > to) throw new StoreError('input', `The window ${from} … ${to} ends before it starts.`);
  if (!Number.isSafeInteger(window.runId) || window.runId < 1) throw new StoreError('input', `runId must be a sync run's id, got ${window.runId}.`);
  const keys: string[] = [];
  const periods: string[] = [];
  const values: (number | null)[] = [];
  const seen = new Set<string>();
  window.rows.forEach((row, i) => {
    const where = `row ${i + 1} of ${window.metric} (${window.grain})`;
    const problem = sliceProblem(row.slice);
    if (problem) throw new StoreError('input', `${where}: ${problem}.`);
    const period = checkDate(row.period, `The period of ${where}`);
    if (period < from || period > to) throw new StoreError('input', `${where}: period ${period} is outside the window ${from} … ${to}.`);
    if (row.value !== null && !Number.isFinite(row.value)) throw new StoreError('input', `${where}: value ${row.value} is not a finite number (use null for no value).`);
    const key = sliceKey(row.slice);
    const id = `${key}\u0000${period}`;
    if (seen.has(id)) throw new StoreError('input', `${where}: slice ${key} has period ${period} twice.`);
    seen.add(id);
    keys.push(key);
    periods.push(period);
    values.push(row.value);
  });
  return { keys, periods, values };
}
