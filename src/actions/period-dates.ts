import { weekdays, type Cadence, type Grain, type Ownership, type Target, type Weekday } from '../model/index.js';

/** The grain of each review cadence. */
export const reviewGrain: Record<Cadence, Grain> = { daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter' };

/** The grain an owned metric is judged at: its own grain:, else that of its review, else the first grain the sync keeps. */
export function judgedGrain(ownership: Ownership, syncGrains: readonly Grain[]): Grain {
  return ownership.grain ?? (ownership.review ? reviewGrain[ownership.review] : (syncGrains[0] ?? 'week'));
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriodStart(start: string, grain: Grain): string {
  return addPeriod(`${start}T00:00:00Z`, grain).slice(0, 10);
}

/** A moment (ISO UTC) one period of a grain later: a day, 7 days, or 1, 3 or 12 calendar months. */
export function addPeriod(moment: string, grain: Grain): string {
  const date = new Date(moment);
  if (grain === 'day') date.setUTCDate(date.getUTCDate() + 1);
  else if (grain === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + ({ month: 1, quarter: 3, year: 12 } as const)[grain]);
  return date.toISOString();
}

/** Whether the period starting on `start` is over by `asOf` (ISO timestamp, UTC): a period still running is not judged. */
export function isComplete(start: string, grain: Grain, asOf: string): boolean {
  return nextPeriodStart(start, grain) <= asOf.slice(0, 10);
}

/**
 * The target of one period: a label of target.periods naming it ("2026-07-01"; at month grain
 * "2026-07"; at quarter grain "2026-Q3", calendar quarters; at year grain "2026"), else its value.
 */
export function targetFor(target: Target, start: string, grain: Grain): number {
  const labels = [start];
  const [year, month] = [start.slice(0, 4), Number(start.slice(5, 7))];
  if (grain === 'month') labels.push(start.slice(0, 7));
  if (grain === 'quarter' && (month - 1) % 3 === 0) labels.push(`${year}-Q${(month - 1) / 3 + 1}`);
  if (grain === 'year') labels.push(year);
  const label = labels.find((l) => target.periods?.[l] !== undefined);
  return label === undefined ? target.value : target.periods![label]!;
}

/** The first day of the period of a grain that holds `day` ('YYYY-MM-DD'); weeks start on `weekStart`, quarters and years in January. */
export function periodStartOf(day: string, grain: Grain, weekStart: Weekday): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (grain === 'week') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() - weekdays.indexOf(weekStart) + 7) % 7));
  if (grain === 'month' || grain === 'quarter' || grain === 'year') {
    const month = grain === 'month' ? date.getUTCMonth() : grain === 'quarter' ? date.getUTCMonth() - (date.getUTCMonth() % 3) : 0;
    return new Date(Date.UTC(date.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
  }
  return date.toISOString().slice(0, 10);
}
