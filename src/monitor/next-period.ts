import type { Grain } from '../model/index.js';

const monthsPer: Partial<Record<Grain, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * The start of the period after `period` ('YYYY-MM-DD', a period's first day): stored periods
 * start on a day, a week's first day, or a month's first day, so whole days and months suffice.
 */
export function nextPeriod(period: string, grain: Grain): string {
  const date = new Date(`${period}T00:00:00Z`);
  if (grain === 'day' || grain === 'week') date.setUTCDate(date.getUTCDate() + (grain === 'day' ? 1 : 7));
  else date.setUTCMonth(date.getUTCMonth() + monthsPer[grain]!);
  return date.toISOString().slice(0, 10);
}

/** Whether the period is over on `today` (the day a sync computes up to, so far): its successor has begun. */
export function isPeriodOver(period: string, grain: Grain, today: string): boolean {
  return nextPeriod(period, grain) <= today;
}
