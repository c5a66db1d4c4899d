import type { Calendar } from '../model/index.js';
import type { MetricRequest } from './compile-metric.js';

/**
 * Requests every dialect must compile, over the CRM fixture (test/fixtures/crm). Each covers a
 * metric kind or a calendar rule; DuckDB and Postgres execute them, the others are parsed and
 * kept as golden SQL in __snapshots__/<dialect>/<case>.sql.
 */
export interface DialectCase {
  name: string;
  request: MetricRequest;
  calendar?: Partial<Calendar>;
}

const range = { from: '2024-12-01', to: '2025-04-30' };

export const dialectCases: DialectCase[] = [
  { name: 'count-by-week', request: { metric: 'opportunities_created', grain: 'week', ...range } },
  { name: 'count-distinct-by-day', request: { metric: 'accounts_with_new_opportunities', grain: 'day', from: '2025-01-01', to: '2025-01-14' } },
  { name: 'sum-by-month-and-region', request: { metric: 'closed_won_revenue', grain: 'month', dimensions: ['region'], ...range } },
  { name: 'average-two-dimensions', request: { metric: 'average_deal_size', grain: 'quarter', dimensions: ['region', 'segment'], ...range } },
  { name: 'min-max-median-percentile', request: { metric: 'p90_won_deal', grain: 'year', ...range } },
  { name: 'ratio-by-month', request: { metric: 'win_rate', grain: 'month', ...range } },
  { name: 'formula-by-month', request: { metric: 'lost_deals_share', grain: 'month', ...range } },
  { name: 'days-between', request: { metric: 'sales_cycle_days', grain: 'quarter', ...range } },
  { name: 'conversion-with-window', request: { metric: 'qualified_to_proposal', grain: 'week', ...range } },
  { name: 'snapshot-by-stage', request: { metric: 'open_pipeline', grain: 'month', dimensions: ['stage'], ...range } },
  { name: 'cumulative-quarter-to-date', request: { metric: 'revenue_quarter_to_date', grain: 'month', ...range } },
  { name: 'cumulative-running-total', request: { metric: 'revenue_running_total', grain: 'week', from: '2025-02-01', to: '2025-04-30' } },
  {
    name: 'filter-with-missing-values',
    request: { metric: 'pipeline_created', grain: 'month', dimensions: ['segment'], filters: [{ dimension: 'region', values: ['EMEA', null] }], ...range },
  },
  {
    name: 'time-zone-fiscal-year-sunday-weeks',
    request: { metric: 'pipeline_created', grain: 'quarter', ...range },
    calendar: { timezone: 'America/New_York', fiscal_year_start_month: 2, week_start: 'sunday' },
  },
  {
    name: 'time-zone-weeks-on-timestamptz',
    request: { metric: 'qualified_to_proposal', grain: 'week', ...range },
    calendar: { timezone: 'America/New_York', week_start: 'sunday' },
  },
];
