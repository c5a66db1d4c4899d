import type { Accuracy } from '../monitor/index.js';

/** A share as a percentage with one decimal, or – when there is none. */
export function formatShare(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(1)}%`;
}

/** "accuracy 91.2%, MASE 0.84, coverage 93.0% over 52 points", or that nothing is scored yet. */
export function renderAccuracy(a: Accuracy): string {
  if (a.points === 0) return 'no forecast period is over yet: points are scored against the actuals synced after their period ends';
  return `accuracy ${formatShare(a.accuracy)}, MASE ${a.mase === null ? '–' : a.mase.toFixed(2)}, coverage ${formatShare(a.coverage)} over ${a.points} points`;
}
