import { checkDate, checkSeriesKey } from '../series/check-series-input.js';
import { sliceKey, sliceProblem } from '../series/slice-key.js';
import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import type { ForecastRecord } from './forecast-types.js';

/** First key of the advisory lock a forecast write takes (the second is its series and origin's hash). */
const forecastLock = 0x6b707466;

/**
 * Keeps a forecast and its points in one transaction. A forecast from the same series and origin
 * replaces the earlier one (the same history, restated); other origins stay, to be scored.
 */
export async function recordForecast(db: Queryable, forecast: ForecastRecord): Promise<number> {
  const { metric, grain } = forecast;
  checkSeriesKey(metric, grain);
  const where = `the forecast of ${metric} (${grain})`;
  const problem = sliceProblem(forecast.slice);
  if (problem) throw new StoreError('input', `${where}: ${problem}.`);
  const origin = checkDate(forecast.originPeriod, `${where}: originPeriod`);
  if (!(forecast.level > 0 && forecast.level < 1)) throw new StoreError('input', `${where}: level ${forecast.level} is not between 0 and 1.`);
  if (forecast.points.length === 0) throw new StoreError('input', `${where} has no points.`);
  const points = forecast.points.map((p, i) => {
    const period = checkDate(p.period, `${where}: point ${i + 1}'s period`);
    if (period <= origin) throw new StoreError('input', `${where}: point ${i + 1} (${period}) is not after the origin ${origin}.`);
    if (![p.value, p.lower, p.upper].every(Number.isFinite) || !Number.isSafeInteger(p.step) || p.step < 1) {
      throw new StoreError('input', `${where}: point ${i + 1} needs a whole step ≥ 1 and finite value, lower and upper.`);
    }
    return { p: period, s: p.step, v: p.value, lo: p.lower, up: p.upper };
  });
  const scale = forecast.naiveScale !== null && forecast.naiveScale > 0 ? forecast.naiveScale : null;
  return db.withTransaction(async (tx) => {
    // Two workers analysing at once may keep the same origin: without turns, both delete nothing and both insert.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [forecastLock, `${metric}:${grain}:${sliceKey(forecast.slice)}:${origin}`]);
    await tx.query('DELETE FROM forecasts WHERE metric_id = $1 AND grain = $2 AND slice_key = $3 AND origin_period = $4', [metric, grain, sliceKey(forecast.slice), origin]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO forecasts (metric_id, grain, slice_key, slice, origin_period, run_id, model, level, naive_scale, warnings)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8, $9, $10::jsonb) RETURNING id`,
      [metric, grain, sliceKey(forecast.slice), JSON.stringify(forecast.slice), origin, forecast.runId, JSON.stringify(forecast.model), forecast.level, scale, JSON.stringify(forecast.warnings)],
    );
    await tx.query(
      `INSERT INTO forecast_points (forecast_id, period_start, step, value, lower_bound, upper_bound)
       SELECT $1, r.p, r.s, r.v, r.lo, r.up FROM jsonb_to_recordset($2::jsonb) AS r (p date, s integer, v float8, lo float8, up float8)`,
      [row!.id, JSON.stringify(points)],
    );
    return row!.id;
  });
}
