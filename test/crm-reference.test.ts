import { describe, expect, it } from 'vitest';
import { referenceSeries } from './support/crm-reference.js';

/**
 * The reference itself, checked against numbers worked out by hand from test/support/crm-data.ts
 * (the reasoning is beside each value), so that the conformance suite compares against truth.
 */
const utc = { weekStart: 1, fiscalYearStartMonth: 1, timezone: 'UTC' };
const newYork = { weekStart: 0, fiscalYearStartMonth: 2, timezone: 'America/New_York' };
const values = (metric: string, grain: Parameters<typeof referenceSeries>[1], calendar = utc) =>
  Object.fromEntries(referenceSeries(metric, grain, calendar, '2024-12-01', '2025-04-30'));

describe('the CRM reference agrees with hand computation', () => {
  it('closed won revenue by month: o10+o1 in January (o9 is deleted), o3+o5 in March, o8 in April', () => {
    expect(values('closed_won_revenue', 'month')).toEqual({ '2024-12-01': 0, '2025-01-01': 1250, '2025-02-01': 0, '2025-03-01': 2300, '2025-04-01': 900 });
  });

  it('win rate by month: 2 of 3, nothing closed in February, 2 of 3, 1 of 1', () => {
    expect(values('win_rate', 'month')).toEqual({ '2024-12-01': null, '2025-01-01': 2 / 3, '2025-02-01': null, '2025-03-01': 2 / 3, '2025-04-01': 1 });
  });

  it('pipeline created: o4 has no amount; o8 is April in UTC but March in New York', () => {
    expect(values('pipeline_created', 'month')).toEqual({ '2024-12-01': 250, '2025-01-01': 3500, '2025-02-01': 2500, '2025-03-01': 0, '2025-04-01': 900 });
    expect(values('pipeline_created', 'month', newYork)).toMatchObject({ '2025-03-01': 900, '2025-04-01': 0 });
  });

  it('fiscal quarters from February in New York: Nov–Jan holds o10, o1, o2, o3; Feb–Apr holds o5, o6, o7, o8', () => {
    expect(values('pipeline_created', 'quarter', newYork)).toEqual({ '2024-11-01': 3750, '2025-02-01': 3400 });
  });

  it('week boundaries: Sunday-night o2 falls in the week before Monday o1; in New York Sunday weeks, o3 joins o4', () => {
    expect(values('opportunities_created', 'week')).toMatchObject({ '2024-12-30': 2, '2025-01-06': 1, '2025-01-13': 2 });
    expect(values('opportunities_created', 'week', newYork)).toMatchObject({ '2025-01-05': 2, '2025-01-12': 2 });
  });

  it('Qualification → Proposal within 30 days: January cohort o1 and o4 of four, February o5 and o6 of three', () => {
    expect(values('qualified_to_proposal', 'month')).toEqual({ '2024-12-01': null, '2025-01-01': 0.5, '2025-02-01': 2 / 3, '2025-03-01': null, '2025-04-01': null });
  });

  it('open pipeline at month ends, from the stage history', () => {
    expect(values('open_pipeline', 'month')).toMatchObject({ '2024-12-01': 0, '2025-01-01': 2000, '2025-02-01': 4500, '2025-03-01': 1500 });
    expect(values('open_opportunities', 'month')).toMatchObject({ '2025-01-01': 2, '2025-02-01': 5, '2025-03-01': 2 });
  });

  it('quarter to date restarts in April; median, 90th percentile and cycle length', () => {
    expect(values('revenue_quarter_to_date', 'month')).toEqual({ '2024-12-01': 0, '2025-01-01': 1250, '2025-02-01': 1250, '2025-03-01': 3550, '2025-04-01': 900 });
    expect(values('median_won_deal', 'month')['2025-03-01']).toBe(1150);
    expect(values('p90_won_deal', 'month')['2025-01-01']).toBe(925);
    expect(values('sales_cycle_days', 'month')['2025-01-01']).toBe(8.5);
  });

  it('rollups: stage changes of January wins (o1 three, o10 none), days to first Qualification of January opportunities', () => {
    expect(values('stage_changes_per_won_deal', 'month')['2025-01-01']).toBe(1.5);
    expect(values('days_to_qualification', 'month')['2025-01-01']).toBe((0 + 1 + 0 + 6) / 4);
  });

  it('snapshots with period names: open at February end and older than 30 days (o3, o4); the pipeline March began with', () => {
    expect(values('open_opportunities_over_30_days', 'month')['2025-02-01']).toBe(2);
    expect(values('pipeline_at_period_start', 'month')['2025-03-01']).toBe(4500);
  });
});
