import { resolve } from 'node:path';
import { backtestForecast, forecastSeries, inferSeasonLength } from '../../analysis/index.js';
import { UsageError } from '../cli-error.js';
import { formatValue } from '../format-value.js';
import type { CliIo } from '../io.js';
import { parseFormat } from '../parse-options.js';
import { readSeriesCsv, type CsvGrain } from '../read-series-csv.js';
import { renderRows } from '../render-rows.js';

export interface ForecastCommandOptions {
  horizon: string;
  /** Season length in periods; default: inferred from the series (1 = none). */
  period?: string;
  /** Prediction interval level in percent (default 95). */
  level?: string;
  format: string;
}

/** At most this many backtest origins, so that a long series stays quick. */
const maxOrigins = 20;

/** kpitree forecast FILE.csv --horizon N: a Holt-Winters forecast with prediction intervals, and how accurate it was on the file's own past. */
export async function forecastCommand(file: string, options: ForecastCommandOptions, io: CliIo): Promise<void> {
  const horizon = parseWhole('--horizon', options.horizon, 1);
  const level = options.level === undefined ? 0.95 : parseLevel(options.level);
  const format = parseFormat(options.format);
  const series = await readSeriesCsv(resolve(io.cwd, file), file);
  const period = options.period !== undefined ? parseWhole('--period', options.period, 1) : (inferSeasonLength(series.values, series.grain).seasonLength ?? 1);
  const forecast = forecastSeries(series.values, { horizon, period, level });
  if (!forecast.ok) throw new UsageError(`${file}: cannot forecast: ${forecast.reason}`);
  const last = series.timestamps.at(-1)!;
  const rows = forecast.points.map((p) => ({ timestamp: addPeriods(last, p.step, series.grain), step: p.step, forecast: p.value, lower: p.lower, upper: p.upper }));
  io.stdout(
    renderRows(
      {
        columns: ['timestamp', 'step', 'forecast', 'lower', 'upper'],
        numeric: ['step', 'forecast', 'lower', 'upper'],
        raw: rows,
        display: rows.map((r) => [r.timestamp, String(r.step), ...[r.forecast, r.lower, r.upper].map((v) => formatValue(v, 'number'))]),
      },
      format,
    ),
  );
  if (format !== 'table') return;
  const m = forecast.model;
  const model = [m.seasonal === 'none' ? 'no season' : `${m.seasonal} season of ${m.period} ${series.grain}s`, m.trend ? 'trend' : 'no trend'].join(', ');
  const parameters = [`α ${m.alpha.toFixed(3)}`, ...(m.trend ? [`β ${m.beta.toFixed(3)}`] : []), ...(m.seasonal !== 'none' ? [`γ ${m.gamma.toFixed(3)}`] : [])].join(' ');
  io.stderr(`Holt-Winters (${model}; ${parameters}) on ${series.values.length} ${series.grain}s of ${file}; ${Math.round(level * 100)}% prediction intervals\n`);
  const observed = series.values.length;
  const minTrain = Math.max(m.seasonal === 'none' ? 8 : 2 * m.period + 2, Math.ceil(observed / 2));
  const backtest = backtestForecast(series.values, { horizon, period: m.period, seasonal: m.seasonal, trend: m.trend, level, minTrain, step: Math.max(1, Math.ceil((observed - minTrain) / maxOrigins)) });
  if (backtest.ok) {
    const percent = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
    io.stderr(
      `backtest over ${backtest.origins} origins: accuracy ${percent(backtest.accuracy)} (1 − |forecast − actual| / actual), MASE ${backtest.mase === null ? 'n/a' : backtest.mase.toFixed(2)}, interval coverage ${percent(backtest.coverage)}\n`,
    );
  } else io.stderr(`no backtest: ${backtest.reason}\n`);
  for (const note of [...series.notes, ...forecast.warnings]) io.stderr(`note: ${note}\n`);
}

function parseWhole(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < minimum) throw new UsageError(`${flag}: "${text}" is not a whole number ≥ ${minimum}`);
  return value;
}

function parseLevel(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 100) throw new UsageError(`--level: "${text}" is not a percentage between 0 and 100 (e.g. 95)`);
  return value / 100;
}

/** The start of the period `steps` periods after `day` (YYYY-MM-DD). */
function addPeriods(day: string, steps: number, grain: CsvGrain): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (grain === 'month') date.setUTCMonth(date.getUTCMonth() + steps);
  else date.setUTCDate(date.getUTCDate() + steps * (grain === 'week' ? 7 : 1));
  return date.toISOString().slice(0, 10);
}
