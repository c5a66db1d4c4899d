import { standardNormalQuantile, tTwoSidedP } from '../distributions.js';
import { unavailable, type Unavailable } from './result.js';

export interface CorrelationTest {
  ok: true;
  method: 'pearson' | 'spearman';
  /** The correlation coefficient (Pearson's r or Spearman's rho). */
  r: number;
  /** Two-sided p-value of r = 0. */
  p: number;
  n: number;
  /** Confidence interval of r (Fisher z; Pearson only, n ≥ 4), else null. */
  lower: number | null;
  upper: number | null;
}

/** Pearson's r with its t test and Fisher-z interval, as R's cor.test(x, y). */
export function testPearson(x: readonly number[], y: readonly number[], level = 0.95): CorrelationTest | Unavailable {
  const r = correlate(x, y);
  if (typeof r !== 'number') return r;
  const n = x.length;
  const df = n - 2;
  const p = Math.abs(r) >= 1 ? 0 : tTwoSidedP((r * Math.sqrt(df)) / Math.sqrt(1 - r * r), df);
  let lower: number | null = null;
  let upper: number | null = null;
  if (n >= 4) {
    const z = Math.atanh(Math.max(-1 + 1e-16, Math.min(1 - 1e-16, r)));
    const half = standardNormalQuantile((1 + level) / 2) / Math.sqrt(n - 3);
    lower = Math.tanh(z - half);
    upper = Math.tanh(z + half);
  }
  return { ok: true, method: 'pearson', r, p, n, lower, upper };
}

/** The sample correlation of two equally long arrays, or why there is none. */
export function correlate(x: readonly number[], y: readonly number[]): number | Unavailable {
  if (x.length !== y.length) return unavailable(`the series have different lengths (${x.length} and ${y.length})`);
  const n = x.length;
  if (n < 3) return unavailable(`${n} paired values; a correlation test needs at least 3`);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return unavailable(`${sxx > 0 ? 'the second' : 'the first'} series is constant over the paired periods`);
  if (!Number.isFinite(sxy) || !Number.isFinite(sxx * syy)) return unavailable('the values are too large to correlate');
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx) / Math.sqrt(syy)));
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / values.length;
  // One correction pass, as R's mean does, for accuracy on large offsets.
  let correction = 0;
  for (const v of values) correction += v - m;
  return m + correction / values.length;
}
