import { describe, expect, it } from 'vitest';
import { keepChangeIdentity } from './keep-change-identity.js';
import { isPeriodOver, nextPeriod } from './next-period.js';
import { seasonFor } from './season-policy.js';

const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'];

describe('keepChangeIdentity', () => {
  const stored = [{ period: '2026-01-12', type: 'level_shift' as const, direction: 'down' as const }];

  it('keeps the stored period of the same change seen up to two periods away', () => {
    expect(keepChangeIdentity({ period: '2026-01-26', type: 'level_shift', direction: 'down' }, stored, weeks)).toBe('2026-01-12');
    expect(keepChangeIdentity({ period: '2026-01-05', type: 'level_shift', direction: 'down' }, stored, weeks)).toBe('2026-01-12');
  });

  it('is another anomaly three periods away, in the other direction, of another family, or a spike', () => {
    expect(keepChangeIdentity({ period: '2026-02-02', type: 'level_shift', direction: 'down' }, stored, weeks)).toBe('2026-02-02');
    expect(keepChangeIdentity({ period: '2026-01-19', type: 'level_shift', direction: 'up' }, stored, weeks)).toBe('2026-01-19');
    expect(keepChangeIdentity({ period: '2026-01-19', type: 'trend_change', direction: 'down' }, stored, weeks)).toBe('2026-01-19');
    expect(keepChangeIdentity({ period: '2026-01-19', type: 'dip', direction: 'down' }, [{ ...stored[0]!, type: 'dip' }], weeks)).toBe('2026-01-19');
  });
});

describe('periods', () => {
  it('steps days, weeks, months, quarters and years, across month ends and leap days', () => {
    expect(['day', 'week', 'month', 'quarter', 'year'].map((g) => nextPeriod('2024-02-29', g as 'day'))).toEqual(['2024-03-01', '2024-03-07', '2024-03-29', '2024-05-29', '2025-03-01']);
    expect(nextPeriod('2025-12-01', 'month')).toBe('2026-01-01');
    expect(nextPeriod('2025-10-01', 'quarter')).toBe('2026-01-01');
  });

  it('counts a period over once the next has begun', () => {
    expect(isPeriodOver('2026-06-22', 'week', '2026-06-28')).toBe(false);
    expect(isPeriodOver('2026-06-22', 'week', '2026-06-29')).toBe(true);
    expect(isPeriodOver('2026-06-01', 'month', '2026-06-30')).toBe(false);
  });

  it('asks for a yearly season only with three years of history', () => {
    expect([seasonFor('week', 155), seasonFor('week', 156), seasonFor('month', 35), seasonFor('month', 36), seasonFor('day', 60)]).toEqual([13, undefined, null, undefined, undefined]);
  });
});
