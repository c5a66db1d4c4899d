import { tTwoSidedP } from '../distributions.js';
import { isObserved, unavailable, type Unavailable } from '../relations/result.js';

export interface DatedValue {
  /** An ISO date (YYYY-MM-DD) or timestamp. */
  date: string;
  value: number | null;
  /** With weights, a window's value is Σ value × weight / Σ weight (a rate weighted by its denominator). */
  weight?: number;
}

export interface WindowSummary {
  /** The window's first and last day (inclusive). */
  from: string;
  to: string;
  value: number;
  count: number;
}

export interface WindowComparison {
  ok: true;
  current: WindowSummary;
  prior: WindowSummary;
  change: number;
  /** Relative change in percent; null when the prior value is 0. */
  changePercent: number | null;
  /** Welch's t test of the values in the two windows (unweighted, ≥ 2 each), else null. */
  test: { t: number; df: number; p: number } | null;
}

const day = 86_400_000;

/**
 * Trailing `days` days vs the `days` before them (the seeds' "trailing 90 days vs prior 90 days"),
 * ending at `asOf` (default: the latest date). A window's value is the sum, the mean, or the
 * weighted mean of its points.
 */
export function compareTrailingWindows(points: readonly DatedValue[], options: { asOf?: string; days?: number; aggregate?: 'sum' | 'mean' } = {}): WindowComparison | Unavailable {
  const days = options.days ?? 90;
  const dated = points.filter((p) => isObserved(p.value) && Number.isFinite(Date.parse(p.date)) && (p.weight === undefined || Number.isFinite(p.weight))).map((p) => ({ ...p, time: Date.parse(p.date), value: p.value as number }));
  if (dated.length === 0) return unavailable(points.length === 0 ? 'there are no values' : 'no value has both a date and a number');
  const end = options.asOf !== undefined ? Date.parse(options.asOf) : Math.max(...dated.map((p) => p.time));
  if (!Number.isFinite(end)) return unavailable(`asOf "${options.asOf}" is not a date`);
  const window = (offset: number) => {
    const to = end - offset * days * day;
    const from = to - days * day;
    return { rows: dated.filter((p) => p.time > from && p.time <= to), from: iso(from + day), to: iso(to) };
  };
  const current = window(0);
  const prior = window(1);
  const empty = [current, prior].find((w) => w.rows.length === 0);
  if (empty) return unavailable(`no values from ${empty.from} to ${empty.to}`);
  const weighted = dated.some((p) => p.weight !== undefined);
  const summarise = (w: typeof current): WindowSummary | string => {
    const sum = w.rows.reduce((s, p) => s + p.value * (weighted ? (p.weight ?? 0) : 1), 0);
    const weights = weighted ? w.rows.reduce((s, p) => s + (p.weight ?? 0), 0) : w.rows.length;
    if (weighted && !(weights > 0)) return `the weights from ${w.from} to ${w.to} sum to 0`;
    const value = weighted || options.aggregate === 'mean' ? sum / weights : sum;
    return { from: w.from, to: w.to, value, count: w.rows.length };
  };
  const a = summarise(current);
  const b = summarise(prior);
  if (typeof a === 'string' || typeof b === 'string') return unavailable(typeof a === 'string' ? a : (b as string));
  return {
    ok: true,
    current: a,
    prior: b,
    change: a.value - b.value,
    changePercent: b.value !== 0 ? ((a.value - b.value) / Math.abs(b.value)) * 100 : null,
    test: weighted ? null : welch(current.rows.map((p) => p.value), prior.rows.map((p) => p.value)),
  };
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Welch's two-sample t test, as R's t.test(x, y). */
export function welch(x: readonly number[], y: readonly number[]): { t: number; df: number; p: number } | null {
  if (x.length < 2 || y.length < 2) return null;
  const stats = (v: readonly number[]) => {
    const m = v.reduce((s, a) => s + a, 0) / v.length;
    return { m, q: v.reduce((s, a) => s + (a - m) ** 2, 0) / (v.length - 1) / v.length };
  };
  const a = stats(x);
  const b = stats(y);
  const se2 = a.q + b.q;
  if (!(se2 > 0)) return null;
  const t = (a.m - b.m) / Math.sqrt(se2);
  const df = se2 ** 2 / (a.q ** 2 / (x.length - 1) + b.q ** 2 / (y.length - 1));
  return { t, df, p: tTwoSidedP(t, df) };
}
