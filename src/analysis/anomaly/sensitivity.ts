/** How readily a detector flags: a preset maps to the significance level of every test. */
export type Sensitivity = 'low' | 'medium' | 'high';

export const sensitivityAlpha: Record<Sensitivity, number> = { low: 0.001, medium: 0.01, high: 0.05 };

/** The alpha of a preset or of a number, or undefined when the number is not a level in (0, 0.5). */
export function resolveAlpha(sensitivity: Sensitivity | number | undefined): number | undefined {
  if (sensitivity === undefined) return sensitivityAlpha.medium;
  if (typeof sensitivity === 'string') return sensitivityAlpha[sensitivity];
  return Number.isFinite(sensitivity) && sensitivity > 0 && sensitivity < 0.5 ? sensitivity : undefined;
}

/** The CUSUM decision interval h in robust standard deviations (k is 0.5): 6, 5, 4 at alpha 0.001, 0.01, 0.05, interpolated on log(alpha) between, within 3…8. */
export function cusumLimit(alpha: number): number {
  const h = 5 - Math.log10(alpha / 0.01) * (Math.log10(alpha) < -2 ? 1 : 1 / Math.log10(5));
  return Math.min(8, Math.max(3, h));
}
