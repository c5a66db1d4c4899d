import type { Grain } from '../model/index.js';
import { addPeriods } from '../semantic/index.js';

/** What the current period is compared with: the period before, the same period a year earlier, or a chosen period start. */
export type Baseline = 'prior' | 'last-year' | { period: string };

/** Periods in a year at each grain; weeks and days keep the weekday (52 weeks, 364 days). */
const periodsPerYear: Record<Grain, number> = { day: 364, week: 52, month: 12, quarter: 4, year: 1 };

/**
 * The baseline period's start. Months, quarters and years step whole months, so a fiscal quarter
 * maps to the same fiscal quarter a year earlier whatever month the fiscal year starts in.
 */
export function baselinePeriod(current: string, baseline: Baseline, grain: Grain): string {
  if (baseline === 'prior') return addPeriods(current, -1, grain);
  if (baseline === 'last-year') return addPeriods(current, -periodsPerYear[grain], grain);
  return baseline.period;
}
