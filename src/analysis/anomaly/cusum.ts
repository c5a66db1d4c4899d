/** One side of a tabular CUSUM that has crossed its limit and not reset since. */
export interface CusumAlarm {
  direction: 'up' | 'down';
  /** The first period of the run that crossed the limit (after the sum last stood at zero). */
  start: number;
  /** The first period at which the sum exceeded h. */
  alarm: number;
  /** The sum at the last period. */
  value: number;
}

/**
 * Tabular CUSUM (Page 1954; Montgomery, Introduction to Statistical Quality Control §9.1) on
 * standardised deviations z: C⁺ = max(0, C⁺ + z − k), C⁻ = max(0, C⁻ − z − k), an alarm when a
 * sum exceeds h. Returns the alarm still standing at the end of z (the drift goes on), if any;
 * NaN entries (periods without a value) leave the sums as they are.
 */
export function cusumAlarm(z: ArrayLike<number>, k: number, h: number): CusumAlarm | undefined {
  const sides = [
    { direction: 'up' as const, sign: 1, sum: 0, start: -1, alarm: -1 },
    { direction: 'down' as const, sign: -1, sum: 0, start: -1, alarm: -1 },
  ];
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    if (Number.isNaN(v)) continue;
    for (const side of sides) {
      const next = Math.max(0, side.sum + side.sign * v - k);
      if (next === 0) {
        side.start = -1;
        side.alarm = -1;
      } else if (side.sum === 0) side.start = i;
      side.sum = next;
      if (next > h && side.alarm < 0) side.alarm = i;
    }
  }
  const standing = sides.filter((s) => s.alarm >= 0).sort((a, b) => b.sum - a.sum)[0];
  return standing ? { direction: standing.direction, start: standing.start, alarm: standing.alarm, value: standing.sum } : undefined;
}
