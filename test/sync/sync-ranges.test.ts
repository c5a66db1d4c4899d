import { describe, expect, it } from 'vitest';
import { syncConfigSchema, type Calendar } from '../../src/model/index.js';
import { syncRanges } from '../../src/sync/index.js';

const calendar: Calendar = { week_start: 'monday', fiscal_year_start_month: 1, timezone: 'UTC' };
const config = syncConfigSchema.parse({});

describe('syncRanges', () => {
  it('rounds the restatement window out to whole periods of each grain, up to today', () => {
    // 90 days before 2025-05-15 is 2025-02-14, a Friday in February, in Q1.
    expect(syncRanges(config, calendar, '2025-05-15', false)).toEqual([
      { grain: 'week', from: '2025-02-10', to: '2025-05-15' },
      { grain: 'month', from: '2025-02-01', to: '2025-05-15' },
      { grain: 'quarter', from: '2025-01-01', to: '2025-05-15' },
    ]);
  });

  it('reads the window, the grains and the calendar from the settings', () => {
    const own = syncConfigSchema.parse({ restatement: '2 weeks', grains: ['day', 'quarter', 'day'] });
    const fiscal: Calendar = { week_start: 'sunday', fiscal_year_start_month: 2, timezone: 'UTC' };
    expect(syncRanges(own, fiscal, '2025-05-15', false)).toEqual([
      { grain: 'day', from: '2025-05-01', to: '2025-05-15' },
      { grain: 'quarter', from: '2025-05-01', to: '2025-05-15' }, // fiscal Q2 starts May 1
    ]);
  });

  it('a full sync starts at history_start, or 36 months back', () => {
    expect(syncRanges({ ...config, history_start: '2024-03-20' }, calendar, '2025-05-15', true).map((r) => r.from)).toEqual(['2024-03-18', '2024-03-01', '2024-01-01']);
    expect(syncRanges(config, calendar, '2025-05-15', true).map((r) => r.from)).toEqual(['2022-04-25', '2022-05-01', '2022-04-01']);
    expect(syncRanges({ ...config, history_start: '2030-01-01' }, calendar, '2025-05-15', true)[1]).toEqual({ grain: 'month', from: '2025-05-01', to: '2025-05-15' });
  });
});
