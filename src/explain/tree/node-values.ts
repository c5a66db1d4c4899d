import type { NodeValues } from '../explain-input.js';
import type { PeriodPair } from '../formula/formula-split.js';

/** The node's two values, or why it has none: no data, or no (finite) value in a period. */
export function readNodeValues(metric: string, values: NodeValues | undefined): PeriodPair | { reason: string } {
  if (!values) return { reason: `no data for ${metric}` };
  for (const period of ['baseline', 'current'] as const) {
    const value = values[period];
    if (typeof value !== 'number' || !Number.isFinite(value)) return { reason: `${metric} has no value in the ${period === 'baseline' ? 'baseline' : 'current'} period` };
  }
  return { baseline: values.baseline!, current: values.current! };
}

/** Inside the band of normal variation (true), outside (false), or unknown without a band (null). */
export function isNoise(values: NodeValues, current: number): boolean | null {
  if (!values.band) return null;
  return current >= Math.min(values.band.lower, values.band.upper) && current <= Math.max(values.band.lower, values.band.upper);
}
