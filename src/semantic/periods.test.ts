import { describe, expect, it } from 'vitest';
import { addPeriods, parsePeriod, periodLabel, periodStart, periodStarts } from './periods.js';

const calendar = { week_start: 'monday' as const, fiscal_year_start_month: 1 };
const fiscalFeb = { week_start: 'sunday' as const, fiscal_year_start_month: 2 };

describe('periodStart', () => {
  it('cuts weeks at the configured first day', () => {
    expect(periodStart('2025-01-05', 'week', calendar)).toBe('2024-12-30'); // a Sunday belongs to the Monday before
    expect(periodStart('2025-01-06', 'week', calendar)).toBe('2025-01-06');
    expect(periodStart('2025-01-05', 'week', fiscalFeb)).toBe('2025-01-05'); // Sunday weeks start on it
    expect(periodStart('2025-01-04', 'week', fiscalFeb)).toBe('2024-12-29');
  });

  it('cuts months, calendar quarters and years', () => {
    expect(periodStart('2025-03-31', 'month', calendar)).toBe('2025-03-01');
    expect(periodStart('2025-03-31', 'quarter', calendar)).toBe('2025-01-01');
    expect(periodStart('2025-04-01', 'quarter', calendar)).toBe('2025-04-01');
    expect(periodStart('2025-12-31', 'year', calendar)).toBe('2025-01-01');
  });

  it('cuts fiscal quarters and years from the fiscal start month', () => {
    expect(periodStart('2025-01-15', 'quarter', fiscalFeb)).toBe('2024-11-01'); // Nov–Jan
    expect(periodStart('2025-02-01', 'quarter', fiscalFeb)).toBe('2025-02-01');
    expect(periodStart('2025-01-31', 'year', fiscalFeb)).toBe('2024-02-01');
    expect(periodStart('2025-02-01', 'year', fiscalFeb)).toBe('2025-02-01');
  });
});

describe('period ranges and labels', () => {
  it('lists whole periods from the one containing from through the one containing to', () => {
    expect(periodStarts('2025-01-15', '2025-03-02', 'month', calendar)).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
    expect(periodStarts('2024-12-31', '2025-01-06', 'week', calendar)).toEqual(['2024-12-30', '2025-01-06']);
    expect(addPeriods('2025-01-31', 1, 'day')).toBe('2025-02-01');
    expect(addPeriods('2024-11-01', 1, 'quarter')).toBe('2025-02-01');
  });

  it('labels fiscal periods by the year they end in', () => {
    expect(periodLabel('2025-02-01', 'quarter', fiscalFeb)).toBe('FY2026-Q1');
    expect(periodLabel('2024-11-01', 'quarter', fiscalFeb)).toBe('FY2025-Q4');
    expect(periodLabel('2025-02-01', 'year', fiscalFeb)).toBe('FY2026');
    expect(periodLabel('2025-04-01', 'quarter', calendar)).toBe('2025-Q2');
    expect(periodLabel('2025-04-01', 'month', calendar)).toBe('2025-04');
  });
});

describe('parsePeriod', () => {
  it('reads dates, months, quarters and years as first and last day', () => {
    expect(parsePeriod('2025-03-14', calendar)).toEqual({ first: '2025-03-14', last: '2025-03-14' });
    expect(parsePeriod('2024-02', calendar)).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(parsePeriod('2025-Q4', calendar)).toEqual({ first: '2025-10-01', last: '2025-12-31' });
    expect(parsePeriod('2025', calendar)).toEqual({ first: '2025-01-01', last: '2025-12-31' });
  });

  it('reads fiscal labels, and insists on them when the fiscal year is not the calendar year', () => {
    expect(parsePeriod('FY2026-Q1', fiscalFeb)).toEqual({ first: '2025-02-01', last: '2025-04-30' });
    expect(parsePeriod('FY2026', fiscalFeb)).toEqual({ first: '2025-02-01', last: '2026-01-31' });
    expect(parsePeriod('2026-Q1', fiscalFeb)).toBeNull();
    expect(parsePeriod('FY2026', calendar)).toBeNull();
  });

  it('refuses what is not a period', () => {
    for (const text of ['2025-13', '2025-02-30', '25-01-01', 'Q1', '2025-Q5', 'yesterday', '']) expect(parsePeriod(text, calendar)).toBeNull();
  });
});
