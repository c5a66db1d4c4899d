import type { InfluenceEdge } from '../../../src/analysis/index.js';
import type { ExplainInput } from '../../../src/explain/index.js';
import { metricSchema, ownersSchema, treeSchema, type Metric } from '../../../src/model/index.js';

/**
 * Revenue = won deals × deal size; won deals = closed deals × win rate; meetings drive closed deals.
 * Q2 → Q3: closed deals 400 → 376, win rate 30% → 25% (only EMEA × Enterprise fell: 30% → 10%),
 * deal size $10,000 → $10,100 (inside its band: noise), meetings 1,000 → 950 (NA 500 → 448, EMEA 500 → 502).
 */
export const revenueTree = treeSchema.parse({
  id: 'revenue',
  root: {
    metric: 'closed_won_revenue',
    formula: 'won_deals * average_deal_size',
    children: [
      {
        metric: 'won_deals',
        formula: 'closed_deals * win_rate',
        children: [{ metric: 'closed_deals', drivers: [{ metric: 'meetings_held', lag: '3 weeks' }] }, { metric: 'win_rate' }],
      },
      { metric: 'average_deal_size' },
    ],
  },
});

const metric = (id: string, format: string, name?: string): Metric =>
  metricSchema.parse({ id, kind: 'sum', dataset: 'opportunities', expr: 'amount', time: 'close_date', format, ...(name ? { name } : {}) });

export const revenueMetrics = new Map(
  [
    metric('closed_won_revenue', 'currency', 'Closed won revenue'),
    metric('won_deals', 'integer'),
    metric('closed_deals', 'integer'),
    metric('win_rate', 'percent'),
    metric('average_deal_size', 'currency'),
    metric('meetings_held', 'integer'),
  ].map((m) => [m.id, m]),
);

export const revenueOwners = ownersSchema.parse({
  people: [
    { id: 'dana', name: 'Dana Kim', role: 'manager' },
    { id: 'sales_manager', name: 'Sales Manager', role: 'manager' },
    { id: 'vp_sales', name: 'VP Sales', role: 'manager' },
  ],
  ownership: [
    { metric: 'win_rate', responsible: 'sales_manager', accountable: 'vp_sales' },
    { metric: 'closed_deals', responsible: 'vp_sales' },
  ],
});

const winRateSlice = (region: string, segment: string, wonNow: number) => ({
  slice: { region, segment },
  baseline: { numerator: 30, denominator: 100 },
  current: { numerator: wonNow, denominator: 94 },
});

export const meetingsEdge: InfluenceEdge = {
  indicator: 'meetings_held',
  outcome: 'closed_deals',
  lag: 3,
  lagFrom: 'given',
  correlation: { r: 0.68, p: 0.0004, pAdjusted: 0.002, n: 60, transform: 'differenced' },
  weight: 0.5,
  se: 0.1,
  p: 0.0001,
  lower: 0.3,
  upper: 0.7,
  standardizedWeight: 0.6,
  whatIf: { ok: false, reason: 'not used' },
};

export function revenueInput(overrides: Partial<ExplainInput> = {}): ExplainInput {
  return {
    tree: revenueTree,
    metrics: revenueMetrics,
    owners: revenueOwners,
    values: {
      closed_won_revenue: { baseline: 1_200_000, current: 949_400 },
      won_deals: { baseline: 120, current: 94 },
      closed_deals: { baseline: 400, current: 376 },
      win_rate: {
        baseline: 0.3,
        current: 0.25,
        slices: { kind: 'ratio', rows: [winRateSlice('EMEA', 'Enterprise', 9.4), winRateSlice('EMEA', 'SMB', 28.2), winRateSlice('NA', 'Enterprise', 28.2), winRateSlice('NA', 'SMB', 28.2)] },
      },
      average_deal_size: { baseline: 10_000, current: 10_100, band: { lower: 9_700, upper: 10_300 } },
      meetings_held: {
        baseline: 1000,
        current: 950,
        slices: { kind: 'additive', rows: [{ slice: { region: 'EMEA' }, baseline: 500, current: 502 }, { slice: { region: 'NA' }, baseline: 500, current: 448 }] },
      },
    },
    influences: [{ edge: meetingsEdge }],
    sliceOwners: [{ dimension: 'region', value: 'EMEA', person: 'dana' }],
    periods: { baseline: '2026-Q2', current: '2026-Q3' },
    ...overrides,
  };
}
