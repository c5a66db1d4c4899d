import type { Grain } from '../../model/index.js';
import { checkDate, checkSeriesKey } from '../series/check-series-input.js';
import { sliceKey, sliceProblem } from '../series/slice-key.js';
import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import { anomalyFamily, type AnomalyRecord, type SeriesCheck } from './monitor-types.js';

export interface SeriesAnalysis {
  metric: string;
  grain: Grain;
  runId: number;
  /** Every slice analysed: replaces the metric × grain's previous checks. */
  checks: readonly SeriesCheck[];
  /** Anomalies found: new ones are added, ones found before (same series, period, family) updated. */
  anomalies: readonly AnomalyRecord[];
}

const kinds = new Set(['spike', 'dip', 'level_shift', 'trend_change', 'drift']);

/**
 * Records one metric × grain's analysis in one transaction: its series checks replace the previous
 * ones, its anomalies are upserted by identity (an anomaly found again keeps its first run). Input
 * is checked before anything is written.
 */
export async function recordSeriesAnalysis(db: Queryable, analysis: SeriesAnalysis): Promise<{ anomalies: number; checks: number }> {
  const { metric, grain, runId } = analysis;
  checkSeriesKey(metric, grain);
  if (!Number.isSafeInteger(runId) || runId < 1) throw new StoreError('input', `runId must be a sync run's id, got ${runId}.`);
  const checks = analysis.checks.map((check, i) => {
    const where = `check ${i + 1} of ${metric} (${grain})`;
    checkSlice(check.slice, where);
    if (check.status !== 'judged' && !check.reason) throw new StoreError('input', `${where}: an insufficient series needs its reason.`);
    return { k: sliceKey(check.slice), s: check.slice, st: check.status, r: check.reason, n: check.periods, l: check.lastPeriod === null ? null : checkDate(check.lastPeriod, `${where}: lastPeriod`) };
  });
  const anomalies = analysis.anomalies.map((a, i) => {
    const where = `anomaly ${i + 1} of ${metric} (${grain})`;
    checkSlice(a.slice, where);
    if (!kinds.has(a.type)) throw new StoreError('input', `${where}: "${String(a.type)}" is not an anomaly type (spike, dip, level_shift, trend_change, drift).`);
    for (const [name, value] of Object.entries({ observed: a.observed, expected: a.expected, lower: a.lower, upper: a.upper, score: a.score, pValue: a.pValue, seriesQ: a.seriesQ })) {
      if (!Number.isFinite(value)) throw new StoreError('input', `${where}: ${name} ${value} is not a finite number.`);
    }
    return {
      k: sliceKey(a.slice), s: a.slice, p: checkDate(a.period, `${where}: period`), f: anomalyFamily(a.type), t: a.type, d: a.direction,
      o: a.observed, e: a.expected, lo: a.lower, up: a.upper, sc: a.score, pv: a.pValue, q: a.seriesQ, x: a.details, by: a.explainedBy,
    };
  });
  return db.withTransaction(async (tx) => {
    await tx.query('DELETE FROM series_checks WHERE metric_id = $1 AND grain = $2', [metric, grain]);
    await tx.query(
      `INSERT INTO series_checks (metric_id, grain, slice_key, slice, status, reason, periods, last_period, run_id)
       SELECT $1, $2, c.k, c.s, c.st, c.r, c.n, c.l, $3 FROM jsonb_to_recordset($4::jsonb) AS c (k text, s jsonb, st text, r text, n integer, l date)`,
      [metric, grain, runId, JSON.stringify(checks)],
    );
    await tx.query(
      `INSERT INTO anomalies AS a (metric_id, grain, slice_key, period_start, family, slice, type, direction, observed, expected,
                                   lower_bound, upper_bound, score, p_value, series_q, details, explained_by, first_run_id, last_run_id)
       SELECT $1, $2, r.k, r.p, r.f, r.s, r.t, r.d, r.o, r.e, r.lo, r.up, r.sc, r.pv, r.q, r.x, r.by, $3, $3
       FROM jsonb_to_recordset($4::jsonb) AS r (k text, p date, f text, s jsonb, t text, d text, o float8, e float8, lo float8, up float8,
                                                 sc float8, pv float8, q float8, x jsonb, by text)
       ON CONFLICT (metric_id, grain, slice_key, period_start, family) DO UPDATE SET
         type = excluded.type, direction = excluded.direction, observed = excluded.observed, expected = excluded.expected,
         lower_bound = excluded.lower_bound, upper_bound = excluded.upper_bound, score = excluded.score, p_value = excluded.p_value,
         series_q = excluded.series_q, details = excluded.details, explained_by = excluded.explained_by,
         last_run_id = excluded.last_run_id, last_seen_at = clock_timestamp()`,
      [metric, grain, runId, JSON.stringify(anomalies)],
    );
    return { anomalies: anomalies.length, checks: checks.length };
  });
}

function checkSlice(slice: unknown, where: string): void {
  const problem = sliceProblem(slice);
  if (problem) throw new StoreError('input', `${where}: ${problem}.`);
}
