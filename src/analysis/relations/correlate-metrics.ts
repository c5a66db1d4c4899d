import { adjustPValues } from '../multiple-testing.js';
import { correlateLagged, type LaggedCorrelationOptions } from './correlate-lagged.js';
import type { SeriesValues } from './result.js';

export interface NamedSeries {
  id: string;
  values: SeriesValues;
}

export interface PairCorrelation {
  /** The series whose value comes first, and the one that follows it by `lag` periods. */
  leader: string;
  follower: string;
  lag: number;
  r: number;
  n: number;
  /** p over the lags tried (adjusted), then Benjamini–Hochberg q across every pair tested. */
  pAdjusted: number;
  q: number;
  rawR: number | null;
  transform: string;
}

export interface CorrelationMatrix {
  ids: string[];
  /** r[i][j]: the correlation of ids[i] and ids[j] at their best lag (1 on the diagonal, null if untestable). */
  r: (number | null)[][];
  /** lag[i][j] > 0: ids[i] leads ids[j] by that many periods; lag[j][i] = −lag[i][j]. */
  lag: (number | null)[][];
  q: (number | null)[][];
  pairs: PairCorrelation[];
  /** Pairs that could not be tested, with the reason. */
  untested: { a: string; b: string; reason: string }[];
}

/**
 * Every pair of a tree's series (or the given pairs, leader first), each searched over lags in
 * both directions unless pairs are given, with p-values adjusted over the lags and then by
 * Benjamini–Hochberg across the pairs.
 */
export function correlateMetrics(series: readonly NamedSeries[], options: LaggedCorrelationOptions & { pairs?: [string, string][] } = {}): CorrelationMatrix {
  const ids = series.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const maxLag = options.maxLag ?? 12;
  const candidates: [number, number, boolean][] = options.pairs
    ? options.pairs.filter(([a, b]) => index.has(a) && index.has(b) && a !== b).map(([a, b]) => [index.get(a)!, index.get(b)!, true])
    : ids.flatMap((_, i) => ids.slice(i + 1).map((__, k) => [i, i + 1 + k, false] as [number, number, boolean]));
  const found: (PairCorrelation & { i: number; j: number })[] = [];
  const untested: CorrelationMatrix['untested'] = [];
  for (const [i, j, directed] of candidates) {
    const result = correlateLagged(series[i]!.values, series[j]!.values, { ...options, maxLag, minLag: directed ? (options.minLag ?? 0) : -maxLag });
    if (!result.ok) {
      untested.push({ a: ids[i]!, b: ids[j]!, reason: result.reason });
      continue;
    }
    const flip = result.lag < 0;
    found.push({
      i,
      j,
      leader: ids[flip ? j : i]!,
      follower: ids[flip ? i : j]!,
      lag: Math.abs(result.lag),
      r: result.r,
      n: result.n,
      pAdjusted: result.pAdjusted,
      q: 1,
      rawR: result.rawR,
      transform: result.transform.description,
    });
  }
  const q = adjustPValues(found.map((f) => f.pAdjusted), 'bh');
  const grid = <T>(diagonal: T) => ids.map((_, i) => ids.map((__, j) => (i === j ? diagonal : null)) as (T | null)[]);
  const matrix: CorrelationMatrix = { ids, r: grid(1), lag: grid(0), q: grid(0), pairs: [], untested };
  found.forEach(({ i, j, ...pair }, k) => {
    const withQ = { ...pair, q: q[k]! };
    matrix.pairs.push(withQ);
    const signedLag = pair.leader === ids[i] ? pair.lag : -pair.lag;
    matrix.r[i]![j] = matrix.r[j]![i] = pair.r;
    matrix.lag[i]![j] = signedLag;
    matrix.lag[j]![i] = -signedLag;
    matrix.q[i]![j] = matrix.q[j]![i] = withQ.q;
  });
  return matrix;
}
