import { adjustPValues } from '../multiple-testing.js';
import { pairValues } from './pair-values.js';
import { testPearson, type CorrelationTest } from './pearson-test.js';
import { prewhitenPair, type PairTransform } from './prewhiten-pair.js';
import { describeUnusable, unavailable, type SeriesValues, type Unavailable } from './result.js';
import { testSpearman } from './spearman-test.js';

export interface LaggedCorrelationOptions {
  /** Largest lag tried, in periods (default 12); lags run minLag…maxLag. */
  maxLag?: number;
  /** Smallest lag tried (default 0); a negative lag means the follower leads. */
  minLag?: number;
  /** Which coefficient picks the lag and heads the result (default pearson). */
  method?: 'pearson' | 'spearman';
  /** 1 (default) differences both series first, 0 keeps levels. */
  difference?: number;
  /** Fit an AR to the leader and filter both with it (default true). */
  prewhiten?: boolean;
  /** Adjustment over the lags tried (default holm). */
  adjust?: 'holm' | 'bonferroni';
  /** Fewest paired periods a lag needs (default 10). */
  minPairs?: number;
  level?: number;
}

export interface LagCorrelation {
  lag: number;
  n: number;
  pearson: CorrelationTest;
  spearman: CorrelationTest;
  /** The p-value of the headline method adjusted over every lag tried. */
  pAdjusted: number;
}

export interface LaggedCorrelation {
  ok: true;
  /** The lag with the strongest correlation: the leader's value at t goes with the follower's at t + lag. */
  lag: number;
  method: 'pearson' | 'spearman';
  /** The coefficient at that lag, on the transformed (stationary) series. */
  r: number;
  lower: number | null;
  upper: number | null;
  /** Its p-value as if it were the only lag tried, and adjusted over the lags tried. */
  p: number;
  pAdjusted: number;
  n: number;
  /** The coefficient of the untransformed series at the same lag: compare to see a spurious trend. */
  rawR: number | null;
  transform: PairTransform;
  lags: LagCorrelation[];
  skippedLags: { lag: number; reason: string }[];
}

/**
 * Searches lags minLag…maxLag for the one at which the leader best predicts the follower, on series
 * made stationary first (differenced and prewhitened, so that two trends do not correlate), and
 * corrects the p-value for having tried every lag.
 */
export function correlateLagged(leader: SeriesValues, follower: SeriesValues, options: LaggedCorrelationOptions = {}): LaggedCorrelation | Unavailable {
  const minPairs = options.minPairs ?? 10;
  const problem = describeUnusable('the leader', leader, minPairs) ?? describeUnusable('the follower', follower, minPairs);
  if (problem) return unavailable(problem);
  if (leader.length !== follower.length) return unavailable(`the series have different lengths (${leader.length} and ${follower.length} periods); align them by period first`);
  const minLag = options.minLag ?? 0;
  const maxLag = options.maxLag ?? 12;
  if (!Number.isInteger(minLag) || !Number.isInteger(maxLag) || minLag > maxLag) return unavailable(`the lags ${minLag}…${maxLag} are not a range of whole periods`);
  const method = options.method ?? 'pearson';
  const whitened = prewhitenPair(leader, follower, options);
  const tried: Omit<LagCorrelation, 'pAdjusted'>[] = [];
  const skippedLags: { lag: number; reason: string }[] = [];
  for (let lag = minLag; lag <= maxLag; lag++) {
    const pair = pairValues(whitened.x, whitened.y, lag);
    if (pair.x.length < minPairs) {
      skippedLags.push({ lag, reason: `${pair.x.length} paired periods after the transform; need at least ${minPairs}` });
      continue;
    }
    const pearson = testPearson(pair.x, pair.y, options.level);
    const spearman = testSpearman(pair.x, pair.y);
    if (!pearson.ok || !spearman.ok) {
      skippedLags.push({ lag, reason: (!pearson.ok ? pearson : (spearman as Unavailable)).reason });
      continue;
    }
    tried.push({ lag, n: pair.x.length, pearson, spearman });
  }
  if (tried.length === 0) return unavailable(`no lag in ${minLag}…${maxLag} could be tested: ${skippedLags[0]?.reason ?? 'no lags'}`);
  const adjusted = adjustPValues(tried.map((t) => t[method].p), options.adjust ?? 'holm');
  const lags = tried.map((t, i) => ({ ...t, pAdjusted: adjusted[i]! }));
  const best = lags.reduce((a, b) => (Math.abs(b[method].r) > Math.abs(a[method].r) ? b : a));
  const rawPair = pairValues(leader, follower, best.lag);
  const raw = testPearson(rawPair.x, rawPair.y);
  const headline = best[method];
  return {
    ok: true,
    lag: best.lag,
    method,
    r: headline.r,
    lower: headline.lower,
    upper: headline.upper,
    p: headline.p,
    pAdjusted: best.pAdjusted,
    n: best.n,
    rawR: raw.ok ? raw.r : null,
    transform: whitened.transform,
    lags,
    skippedLags,
  };
}
