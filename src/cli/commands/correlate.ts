import { resolve } from 'node:path';
import { correlateLagged, formatP } from '../../analysis/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseFormat } from '../parse-options.js';
import { readSeriesCsv, type SeriesCsv } from '../read-series-csv.js';
import { renderRows } from '../render-rows.js';

export interface CorrelateCommandOptions {
  /** Largest lag tried in each direction (default 12). */
  maxLag: string;
  /** pearson (default) or spearman. */
  method?: string;
  format: string;
}

/**
 * kpitree correlate A.csv B.csv --max-lag K: which series leads, by how many periods, and how
 * strongly, on differenced and prewhitened series (so two trends do not correlate), with the
 * p-value adjusted over the 2K + 1 lags tried.
 */
export async function correlateCommand(a: string, b: string, options: CorrelateCommandOptions, io: CliIo): Promise<void> {
  const maxLag = Number(options.maxLag);
  if (!/^\d+$/.test(String(options.maxLag).trim())) throw new UsageError(`--max-lag: "${options.maxLag}" is not a whole number of periods ≥ 0`);
  const method = options.method ?? 'pearson';
  if (method !== 'pearson' && method !== 'spearman') throw new UsageError(`--method: "${method}" is not a method; use pearson or spearman`);
  const format = parseFormat(options.format);
  const [first, second] = await Promise.all([readSeriesCsv(resolve(io.cwd, a), a), readSeriesCsv(resolve(io.cwd, b), b)]);
  const aligned = alignSeries(first, second);
  const result = correlateLagged(aligned.a, aligned.b, { maxLag, minLag: -maxLag, method });
  if (!result.ok) throw new UsageError(`cannot correlate ${a} and ${b}: ${result.reason}`);
  const [leader, follower] = result.lag >= 0 ? [a, b] : [b, a];
  const lag = Math.abs(result.lag);
  const unit = `${first.grain}${lag === 1 ? '' : 's'}`;
  const headline =
    lag === 0
      ? `${a} and ${b} move together (lag 0), r = ${result.r.toFixed(2)}, ${formatP(result.pAdjusted)}`
      : `${leader} leads ${follower} by ${lag} ${unit}, r = ${result.r.toFixed(2)}, ${formatP(result.pAdjusted)}`;
  const rows = result.lags.map((l) => ({
    lag: l.lag,
    n: l.n,
    r: l.pearson.r,
    p: l.pearson.p,
    rho: l.spearman.r,
    rho_p: l.spearman.p,
    p_adjusted: l.pAdjusted,
    best: l.lag === result.lag,
  }));
  const json = { a, b, leader, follower, lag, method, r: result.r, lower: result.lower, upper: result.upper, p: result.p, pAdjusted: result.pAdjusted, n: result.n, rawR: result.rawR, transform: result.transform.description, summary: headline, lags: rows };
  io.stdout(
    renderRows(
      {
        columns: ['lag', 'n', 'r', 'p', 'rho', 'rho_p', 'p_adjusted', 'best'],
        numeric: ['lag', 'n', 'r', 'p', 'rho', 'rho_p', 'p_adjusted'],
        raw: rows,
        display: rows.map((r) => [String(r.lag), String(r.n), r.r.toFixed(3), r.p.toPrecision(3), r.rho.toFixed(3), r.rho_p.toPrecision(3), r.p_adjusted.toPrecision(3), r.best ? '◀' : '']),
        json,
      },
      format,
    ),
  );
  if (format !== 'table') return;
  io.stderr(`${headline} (adjusted over ${result.lags.length} lags; a positive lag means ${a} leads)\n`);
  io.stderr(`correlated on ${result.transform.description}; the raw series correlate at r = ${result.rawR === null ? 'n/a' : result.rawR.toFixed(2)} at that lag${result.rawR !== null && Math.abs(result.rawR) > Math.abs(result.r) + 0.3 ? ' (mostly shared trend)' : ''}\n`);
  for (const note of [...aligned.notes, ...first.notes.map((n) => `${a}: ${n}`), ...second.notes.map((n) => `${b}: ${n}`)]) io.stderr(`note: ${note}\n`);
}

/** Both series on the periods of their overlap, by timestamp. */
function alignSeries(a: SeriesCsv, b: SeriesCsv): { a: (number | null)[]; b: (number | null)[]; notes: string[] } {
  if (a.grain !== b.grain) throw new UsageError(`${a.file} is by ${a.grain} and ${b.file} by ${b.grain}; give two series of the same grain`);
  const from = [a.timestamps[0], b.timestamps[0]].filter((t): t is string => t !== undefined).sort().at(-1);
  const to = [a.timestamps.at(-1), b.timestamps.at(-1)].filter((t): t is string => t !== undefined).sort()[0];
  if (from === undefined || to === undefined || a.timestamps.length === 0 || b.timestamps.length === 0 || from > to) throw new UsageError(`${a.file} and ${b.file} share no ${a.grain}`);
  const byTime = (s: SeriesCsv) => new Map(s.timestamps.map((t, i) => [t, s.values[i] ?? null]));
  const times = [...new Set([...a.timestamps, ...b.timestamps])].filter((t) => t >= from && t <= to).sort();
  const ma = byTime(a);
  const mb = byTime(b);
  if (!times.some((t) => ma.has(t) && mb.has(t))) throw new UsageError(`${a.file} and ${b.file} share no timestamp; their ${a.grain}s must start on the same day`);
  const trimmed = a.timestamps.length + b.timestamps.length - 2 * times.length;
  return {
    a: times.map((t) => ma.get(t) ?? null),
    b: times.map((t) => mb.get(t) ?? null),
    notes: trimmed > 0 ? [`compared over the ${times.length} ${a.grain}s both files cover (${from} to ${to})`] : [],
  };
}
