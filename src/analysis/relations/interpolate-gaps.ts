import { isObserved, type SeriesValues } from './result.js';

/**
 * Interior missing periods filled on the straight line between their observed neighbours; missing
 * periods before the first or after the last observation stay null. Returns how many were filled.
 */
export function interpolateGaps(values: SeriesValues): { values: (number | null)[]; filled: number } {
  const out = values.map((v) => (isObserved(v) ? v : null));
  let filled = 0;
  let previous = -1;
  out.forEach((v, t) => {
    if (v === null) return;
    if (previous >= 0 && t - previous > 1) {
      const from = out[previous]!;
      for (let k = previous + 1; k < t; k++) out[k] = from + ((v - from) * (k - previous)) / (t - previous);
      filled += t - previous - 1;
    }
    previous = t;
  });
  return { values: out, filled };
}
