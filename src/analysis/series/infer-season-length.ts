import { fUpperP } from '../distributions.js';
import type { SeriesGrain } from './regular-series.js';

/** The season lengths worth trying per grain: a week in days, a quarter or a year in weeks … */
export const seasonCandidates: Record<SeriesGrain, readonly number[]> = {
  day: [7],
  week: [13, 52],
  month: [3, 12],
  quarter: [4],
  year: [],
};

export interface SeasonInference {
  /** Periods per season, or null when the series shows none (or is too short to tell). */
  seasonLength: number | null;
  reason: string;
}

/** The significance a season must reach, and a longer one over a shorter it contains. */
const level = 0.01;
const longerLevel = 0.001;

/**
 * Infers the season length of a series among its grain's candidates that fit more than twice.
 * The series minus its centred moving average over the longest such candidate (which removes the
 * trend and every shorter candidate's pattern too), clipped at 4 robust standard deviations around
 * the median of its position in the shortest season (so an outlier cannot hide a season), is explained by one mean per position in the season. A
 * season counts when an F-test against no season gives p < 0.01; the shortest that counts is
 * kept unless a longer one it divides (a year of weeks over a quarter) explains more, by the
 * F-test of the nested models at p < 0.001.
 */
export function inferSeasonLength(values: readonly (number | null)[], grain: SeriesGrain | undefined): SeasonInference {
  if (!grain) return { seasonLength: null, reason: 'the grain is unknown, so no season length was tried' };
  const filled = fillGaps(values);
  if (!filled) return { seasonLength: null, reason: 'no values' };
  const n = filled.length;
  const all = seasonCandidates[grain];
  const fits = all.filter((lag) => n > 2 * lag);
  const tooShort = all.filter((lag) => n <= 2 * lag).map((lag) => `too short for a season of ${lag} (needs more than ${2 * lag} periods)`);
  if (fits.length === 0) return { seasonLength: null, reason: tooShort.length > 0 ? `no season: ${tooShort.join('; ')}` : `no season length to try at grain ${grain}` };
  const longest = Math.max(...fits);
  const { detrended: raw, first } = minusMovingAverage(filled, longest);
  const detrended = clipOutliers(raw, fits[0]!, first);
  const m = detrended.length;
  const total = sumOfSquares(detrended, 1);
  if (!(total > 0)) return { seasonLength: null, reason: 'no season: nothing varies once the trend is removed' };
  const rss = new Map(fits.map((lag) => [lag, sumOfSquares(detrended, lag, first)]));
  const said = fits.map((lag) => `${lag}: ${Math.round(100 * (1 - rss.get(lag)! / total))}% of the detrended variance`);
  const significant = fits.filter((lag) => m > lag && nestedP(total, 1, rss.get(lag)!, lag, m) < level);
  let best = significant[0];
  if (best === undefined) return { seasonLength: null, reason: `no season (seasonal means explain ${said.join(', ')}; none at p < ${level})`.concat(tooShort.length ? `; ${tooShort.join('; ')}` : '') };
  for (const lag of significant) {
    if (lag > best && lag % best === 0 && nestedP(rss.get(best)!, best, rss.get(lag)!, lag, m) < longerLevel) best = lag;
  }
  const notMore = fits.filter((lag) => lag > best! && lag % best! === 0);
  const longer = notMore.length > 0 ? `; ${notMore.join(', ')} not significantly more` : '';
  return { seasonLength: best, reason: `season of ${best} (seasonal means explain ${said.join(', ')}${longer})`.concat(tooShort.length ? `; ${tooShort.join('; ')}` : '') };
}

/**
 * x with each value pulled to within 4 robust standard deviations of the median of its position
 * in the shortest season (a robust expectation that one outlier cannot move much).
 */
function clipOutliers(x: number[], lag: number, first: number): number[] {
  const middle = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const h = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
  };
  const positions = Array.from({ length: lag }, (_, p) => x.filter((_, i) => (i + first) % lag === p));
  const centres = positions.map((values) => middle(values));
  const residuals = x.map((v, i) => v - centres[(i + first) % lag]!);
  const bound = 4 * 1.4826 * middle(residuals.map(Math.abs));
  if (!(bound > 0)) return x;
  return x.map((v, i) => {
    const centre = centres[(i + first) % lag]!;
    return Math.min(centre + bound, Math.max(centre - bound, v));
  });
}

/** The F-test p-value of a model with `big` position means over one with `small` (nested), on m values. */
function nestedP(rssSmall: number, small: number, rssBig: number, big: number, m: number): number {
  if (!(rssBig > 0)) return 0;
  const f = (rssSmall - rssBig) / (big - small) / (rssBig / (m - big));
  return f > 0 ? fUpperP(f, big - small, m - big) : 1;
}

/** The residual sum of squares of x around one mean per position (i + first) mod lag. */
function sumOfSquares(x: number[], lag: number, first = 0): number {
  const sums = new Array<number>(lag).fill(0);
  const counts = new Array<number>(lag).fill(0);
  x.forEach((v, i) => {
    sums[(i + first) % lag]! += v;
    counts[(i + first) % lag]! += 1;
  });
  return x.reduce((acc, v, i) => {
    const p = (i + first) % lag;
    return acc + (v - sums[p]! / counts[p]!) ** 2;
  }, 0);
}

/** x minus its centred moving average over `lag` (2×lag for an even lag), where it is defined, and the index of its first value. */
function minusMovingAverage(x: number[], lag: number): { detrended: number[]; first: number } {
  const half = Math.floor(lag / 2);
  const detrended: number[] = [];
  for (let i = half; i < x.length - half; i++) {
    let sum = 0;
    for (let j = i - half; j <= i + half; j++) sum += (lag % 2 === 0 && (j === i - half || j === i + half) ? 0.5 : 1) * x[j]!;
    detrended.push(x[i]! - sum / lag);
  }
  return { detrended, first: half };
}

/** Linear interpolation across nulls; the ends carry the nearest value. Undefined when nothing is finite. */
function fillGaps(values: readonly (number | null)[]): number[] | undefined {
  const known = values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [i] : []));
  if (known.length === 0) return undefined;
  const out = new Array<number>(values.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    while (k + 1 < known.length && known[k + 1]! <= i) k++;
    const a = known[k]!;
    const b = known[k + 1];
    if (i <= a || b === undefined) out[i] = values[a]!;
    else out[i] = values[a]! + ((values[b]! - values[a]!) * (i - a)) / (b - a);
  }
  return out;
}
