import { median, robustScale } from '../analysis/index.js';

/** How far from the median change a value may land and still be noise, in robust standard deviations. */
export const noiseWidth = 3;
/** Fewer past changes than this give no band: the spread would be a guess. */
export const minNoiseSamples = 5;

/**
 * Normal variation for the value `gap` periods after the baseline, from the series' own history
 * up to the baseline (the current value is left out, so a change cannot widen its own band):
 * every past change over the same gap, d = x[t] − x[t−gap]; the band is
 * baseline + median(d) ± noiseWidth × robustScale(d) (1.4826·MAD), a robust z-score that a few
 * past incidents in the history do not stretch. Null with too little history.
 */
export function noiseBand(history: readonly (number | null)[], baselineIndex: number, gap: number): { lower: number; upper: number } | null {
  const baseline = history[baselineIndex];
  if (typeof baseline !== 'number' || gap < 1) return null;
  const changes: number[] = [];
  for (let t = gap; t <= baselineIndex; t++) {
    const [now, before] = [history[t], history[t - gap]];
    if (typeof now === 'number' && typeof before === 'number') changes.push(now - before);
  }
  if (changes.length < minNoiseSamples) return null;
  const centre = median(changes);
  const spread = noiseWidth * robustScale(changes, centre);
  return { lower: baseline + centre - spread, upper: baseline + centre + spread };
}
