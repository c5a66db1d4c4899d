import type { Calendar, Grain } from '../model/index.js';
import { weekdays } from '../model/index.js';

/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD"), the TypeScript twin of period-sql.ts:
 * both must cut periods the same way, and the conformance tests hold them to it.
 */

type CalendarCut = Pick<Calendar, 'week_start' | 'fiscal_year_start_month'>;

const dayMs = 86_400_000;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && toIso(toDate(text)) === text;
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * dayMs));
}

function addMonths(iso: string, months: number): string {
  const date = toDate(iso);
  return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

function monthsPerPeriod(grain: 'month' | 'quarter' | 'year'): number {
  return { month: 1, quarter: 3, year: 12 }[grain];
}

/** The first day of the period that contains `iso`. */
export function periodStart(iso: string, grain: Grain, calendar: CalendarCut): string {
  const date = toDate(iso);
  if (grain === 'day') return iso;
  if (grain === 'week') {
    const shift = (date.getUTCDay() - weekdays.indexOf(calendar.week_start) + 7) % 7;
    return addDays(iso, -shift);
  }
  const fiscalShift = grain === 'month' ? 0 : calendar.fiscal_year_start_month - 1;
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() - fiscalShift;
  const size = monthsPerPeriod(grain);
  const startIndex = Math.floor(monthIndex / size) * size + fiscalShift;
  return toIso(new Date(Date.UTC(Math.floor(startIndex / 12), startIndex % 12, 1)));
}

/** The start of the period `n` periods after the one starting at `start`. */
export function addPeriods(start: string, n: number, grain: Grain): string {
  if (grain === 'day') return addDays(start, n);
  if (grain === 'week') return addDays(start, 7 * n);
  return addMonths(start, n * monthsPerPeriod(grain));
}

/** Period starts from the period of `from` through the period of `to`, inclusive. */
export function periodStarts(from: string, to: string, grain: Grain, calendar: CalendarCut): string[] {
  const last = periodStart(to, grain, calendar);
  const out: string[] = [];
  for (let start = periodStart(from, grain, calendar); start <= last; start = addPeriods(start, 1, grain)) out.push(start);
  return out;
}

/** Fiscal years are named after the calendar year they end in (FY2026 starting February 2025). */
function fiscalYearOf(start: string, calendar: CalendarCut): number {
  const date = toDate(start);
  const month = date.getUTCMonth() + 1;
  return calendar.fiscal_year_start_month === 1 || month < calendar.fiscal_year_start_month
    ? date.getUTCFullYear()
    : date.getUTCFullYear() + 1;
}

export function periodLabel(start: string, grain: Grain, calendar: CalendarCut): string {
  const fiscal = calendar.fiscal_year_start_month !== 1;
  const year = fiscalYearOf(start, calendar);
  switch (grain) {
    case 'day':
    case 'week':
      return start;
    case 'month':
      return start.slice(0, 7);
    case 'quarter': {
      const month = toDate(start).getUTCMonth() + 1;
      const quarter = Math.floor(((month - calendar.fiscal_year_start_month + 12) % 12) / 3) + 1;
      return `${fiscal ? 'FY' : ''}${year}-Q${quarter}`;
    }
    case 'year':
      return `${fiscal ? 'FY' : ''}${year}`;
  }
}

/** A period as a user writes it: 2025-03-14, 2025-03, 2025-Q1, 2025, FY2026-Q1, FY2026. */
export function parsePeriod(text: string, calendar: CalendarCut): { first: string; last: string } | null {
  const fiscal = calendar.fiscal_year_start_month !== 1;
  if (isIsoDate(text)) return { first: text, last: text };
  let match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    const first = `${text}-01`;
    return { first, last: addDays(addPeriods(first, 1, 'month'), -1) };
  }
  match = /^(FY)?(\d{4})(?:-Q([1-4]))?$/i.exec(text);
  if (!match || Boolean(match[1]) !== fiscal) return null;
  const year = Number(match[2]);
  const yearStartMonth = calendar.fiscal_year_start_month;
  const yearStart = toIso(new Date(Date.UTC(fiscal ? year - 1 : year, yearStartMonth - 1, 1)));
  if (match[3] === undefined) return { first: yearStart, last: addDays(addPeriods(yearStart, 1, 'year'), -1) };
  const first = addPeriods(yearStart, Number(match[3]) - 1, 'quarter');
  return { first, last: addDays(addPeriods(first, 1, 'quarter'), -1) };
}

export function periodFormatsHint(calendar: CalendarCut): string {
  return calendar.fiscal_year_start_month === 1
    ? 'write a date (2025-03-14), a month (2025-03), a quarter (2025-Q1) or a year (2025)'
    : 'write a date (2025-03-14), a month (2025-03), a fiscal quarter (FY2026-Q1) or a fiscal year (FY2026)';
}
