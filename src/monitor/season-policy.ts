import type { Grain } from '../model/index.js';

/** Periods of history from which a yearly season is learned rather than a quarterly one (three years). */
export const yearlySeasonFrom: Partial<Record<Grain, number>> = { week: 156, month: 36 };

/**
 * The season length the monitor asks the detector for; undefined lets it infer one. A yearly
 * season learned from fewer than three years takes in part of any level shift of the last year (a
 * 52-week season from two years is the average of two values per week: half of a shift in the
 * second goes into the season), so a shorter history is judged by the quarter's season
 * (quarter-end pushes) for weeks, and without a season for months.
 */
export function seasonFor(grain: Grain, periods: number): number | null | undefined {
  const from = yearlySeasonFrom[grain];
  if (from === undefined || periods >= from) return undefined;
  return grain === 'week' ? 13 : null;
}
