/** Time in the demo org: UTC milliseconds, weeks starting on Monday, and the seasonality of work. */

export const dayMs = 86_400_000;
export const hourMs = 3_600_000;
export const weekMs = 7 * dayMs;
const yearMs = 365.25 * dayMs;

export function parseIsoDate(text: string): number {
  return Date.parse(`${text}T00:00:00Z`);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekday(ms: number): number {
  return (Math.floor(ms / dayMs) + 3) % 7;
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / dayMs) * dayMs;
}

export function weekStart(ms: number): number {
  return startOfDay(ms) - weekday(ms) * dayMs;
}

/** The span of the org: `months` back from the as-of day (exclusive), from the Monday on or before. */
export interface Span {
  start: number;
  /** Nothing happens on or after it. */
  end: number;
  weeks: number;
}

export function spanOf(asOf: string, months: number): Span {
  const end = parseIsoDate(asOf);
  const date = new Date(end);
  const start = weekStart(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, date.getUTCDate()));
  return { start, end, weeks: Math.ceil((end - start) / weekMs) };
}

export function quarterStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1);
}

export function nextQuarterStart(ms: number): number {
  const date = new Date(quarterStart(ms));
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 1);
}

export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, Math.min(date.getUTCDate(), 28), date.getUTCHours(), date.getUTCMinutes());
}

/** Relative amount of work on each weekday, Monday first: little on weekends. */
export const weekdayWeights = [1.0, 1.08, 1.1, 1.02, 0.8, 0.05, 0.03];
const weekdayTotal = weekdayWeights.reduce((a, b) => a + b, 0);

/** A day of the week drawn by the weekday weights. */
export function drawWeekday(u: number): number {
  let r = u * weekdayTotal;
  for (let d = 0; d < 7; d++) {
    r -= weekdayWeights[d]!;
    if (r < 0) return d;
  }
  return 4;
}

/** Volume of work in the week starting at `monday`, relative to a normal week: year-end and August holidays. */
export function holidayFactor(monday: number, region: string): number {
  const date = new Date(monday + 3 * dayMs);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if ((month === 11 && day >= 21) || (month === 0 && day <= 3)) return 0.45;
  if (month === 7 && region === 'EMEA') return 0.75;
  return 1;
}

/** Growth of volume since the start of the span, compounding at `perYear`. */
export function growthFactor(ms: number, start: number, perYear: number): number {
  return Math.pow(1 + perYear, (ms - start) / yearMs);
}
