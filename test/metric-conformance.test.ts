import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekdays, type Calendar, type Grain } from '../src/model/index.js';
import { compileMetric, compileMetricGrains, readGrainRows, readMetricRows, type MetricRequest, type MetricRow } from '../src/semantic/index.js';
import { loadCrmProject } from './support/crm-project.js';
import { fixtureMetrics, referenceSeries, type Opportunity, type Series } from './support/crm-reference.js';
import { crmWarehouses, type LoadedWarehouse } from './support/crm-warehouses.js';

/**
 * Every metric kind of the CRM fixture, at every grain, under two calendars, executed on each real
 * warehouse and compared period by period with the independent reference (test/support/crm-reference.ts).
 */

const grains: Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
const calendars: { name: string; calendar: Calendar }[] = [
  { name: 'UTC, Monday weeks, calendar year', calendar: { timezone: 'UTC', week_start: 'monday', fiscal_year_start_month: 1 } },
  { name: 'New York, Sunday weeks, fiscal year from February', calendar: { timezone: 'America/New_York', week_start: 'sunday', fiscal_year_start_month: 2 } },
];
const range = { from: '2024-12-01', to: '2025-04-30' };

function expectSeries(rows: MetricRow[], expected: Series, where: string): void {
  expect(rows.map((r) => r.period), `${where}: periods`).toEqual([...expected.keys()]);
  for (const row of rows) {
    const want = expected.get(row.period);
    if (want === null || want === undefined) expect(row.value, `${where} ${row.period}`).toBeNull();
    else expect(row.value, `${where} ${row.period}`).toBeCloseTo(want, 9);
  }
}

describe.each(crmWarehouses)('metrics on $name', ({ open }) => {
  let db: LoadedWarehouse;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());

  const run = async (request: MetricRequest, calendar: Calendar) => {
    const project = loadCrmProject(calendar);
    const query = compileMetric(request, { project, catalog: db.catalog, dialect: db.warehouse.dialect });
    return readMetricRows(query, await db.warehouse.query(query.sql, query.params));
  };

  describe.each(calendars)('$name', ({ calendar }) => {
    const reference = { weekStart: weekdays.indexOf(calendar.week_start), fiscalYearStartMonth: calendar.fiscal_year_start_month, timezone: calendar.timezone };
    const cases = fixtureMetrics.flatMap((metric) => grains.map((grain) => ({ metric, grain })));

    it.each(cases)('$metric by $grain', async ({ metric, grain }) => {
      const rows = await run({ metric, grain, ...range }, calendar);
      expectSeries(rows, referenceSeries(metric, grain, reference, range.from, range.to), `${metric}/${grain}`);
    });

    it.each(['closed_won_revenue', 'win_rate', 'pipeline_created', 'average_deal_size', 'revenue_quarter_to_date'])(
      '%s by region: every slice, a missing region included, plus the total',
      async (metric) => {
        const rows = await run({ metric, grain: 'month', ...range, dimensions: ['region'] }, calendar);
        const regions = [...new Set(rows.filter((r) => 'region' in r.slice).map((r) => r.slice.region))];
        expect(regions).toEqual(['EMEA', 'NA', null]);
        expectSeries(rows.filter((r) => !('region' in r.slice)), referenceSeries(metric, 'month', reference, range.from, range.to), `${metric} total`);
        for (const region of regions) {
          const expected = referenceSeries(metric, 'month', reference, range.from, range.to, (o: Opportunity) => o.region === region);
          expectSeries(rows.filter((r) => 'region' in r.slice && r.slice.region === region), expected, `${metric} ${region}`);
        }
      },
    );
  });

  it('two dimensions give all four grouping sets, consistent with each other', async () => {
    const calendar = calendars[0]!.calendar;
    const rows = await run({ metric: 'pipeline_created', grain: 'quarter', ...range, dimensions: ['region', 'segment'] }, calendar);
    const sets = new Set(rows.map((r) => Object.keys(r.slice).join('+')));
    expect(sets).toEqual(new Set(['', 'region', 'segment', 'region+segment']));
    for (const period of new Set(rows.map((r) => r.period))) {
      const total = rows.find((r) => r.period === period && Object.keys(r.slice).length === 0)!.value!;
      const cells = rows.filter((r) => r.period === period && Object.keys(r.slice).length === 2);
      expect(cells.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(total, 9);
    }
    const reference = { weekStart: 1, fiscalYearStartMonth: 1, timezone: 'UTC' };
    const emeaEnterprise = referenceSeries('pipeline_created', 'quarter', reference, range.from, range.to, (o) => o.region === 'EMEA' && o.segment === 'Enterprise');
    expectSeries(rows.filter((r) => r.slice.region === 'EMEA' && r.slice.segment === 'Enterprise'), emeaEnterprise, 'EMEA × Enterprise');
  });

  it('filters keep or exclude dimension values, missing values included on request', async () => {
    const calendar = calendars[0]!.calendar;
    const reference = { weekStart: 1, fiscalYearStartMonth: 1, timezone: 'UTC' };
    const keep = await run({ metric: 'pipeline_created', grain: 'month', ...range, filters: [{ dimension: 'region', values: ['EMEA', null] }] }, calendar);
    expectSeries(keep, referenceSeries('pipeline_created', 'month', reference, range.from, range.to, (o) => o.region === 'EMEA' || o.region === null), 'EMEA or none');
    const drop = await run({ metric: 'pipeline_created', grain: 'month', ...range, filters: [{ dimension: 'region', values: ['EMEA'], exclude: true }] }, calendar);
    expectSeries(drop, referenceSeries('pipeline_created', 'month', reference, range.from, range.to, (o) => o.region !== 'EMEA'), 'not EMEA');
  });

  it('a range with no rows at all still returns every period: counts 0, averages and ratios null', async () => {
    const calendar = calendars[0]!.calendar;
    const count = await run({ metric: 'won_deals', grain: 'month', from: '2023-01-01', to: '2023-03-31' }, calendar);
    expect(count.map((r) => [r.period, r.value])).toEqual([['2023-01-01', 0], ['2023-02-01', 0], ['2023-03-01', 0]]);
    const ratio = await run({ metric: 'win_rate', grain: 'month', from: '2023-01-01', to: '2023-03-31' }, calendar);
    expect(ratio.map((r) => r.value)).toEqual([null, null, null]);
  });
});

describe.each(crmWarehouses)('dataset fields on $name', ({ open }) => {
  let db: LoadedWarehouse;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());
  const calendar: Calendar = { timezone: 'UTC', week_start: 'monday', fiscal_year_start_month: 1 };
  const run = async (request: MetricRequest) => {
    const query = compileMetric(request, { project: loadCrmProject(calendar), catalog: db.catalog, dialect: db.warehouse.dialect });
    return readMetricRows(query, await db.warehouse.query(query.sql, query.params));
  };

  it('a metric written with fields equals the one written with columns', async () => {
    const reference = referenceSeries('closed_won_revenue', 'month', { weekStart: 1, fiscalYearStartMonth: 1, timezone: 'UTC' }, range.from, range.to);
    expectSeries(await run({ metric: 'won_value_through_fields', grain: 'month', ...range }), reference, 'through fields');
  });

  it("a dimension through a join uses the joined dataset's field", async () => {
    const rows = await run({ metric: 'opportunities_created', grain: 'year', from: '2025-01-01', to: '2025-12-31', dimensions: ['region_or_unassigned'] });
    const byRegion = Object.fromEntries(rows.filter((r) => 'region_or_unassigned' in r.slice).map((r) => [r.slice.region_or_unassigned, r.value]));
    // Ana (EMEA) opened o1, o2, o6, o8; Ben (NA) o3, o4, o7; Cai has no region (o5); o9 is deleted, o10 is 2024.
    expect(byRegion).toEqual({ EMEA: 4, NA: 3, Unassigned: 1 });
  });
});

describe.each(crmWarehouses)('two joins away on $name', ({ open }) => {
  let db: LoadedWarehouse;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());
  const calendar: Calendar = { timezone: 'UTC', week_start: 'monday', fiscal_year_start_month: 1 };
  const reference = { weekStart: 1, fiscalYearStartMonth: 1, timezone: 'UTC' };

  it.each(['qualified_to_proposal', 'open_pipeline'])("%s by the owner's region, through the opportunity", async (metric) => {
    const query = compileMetric({ metric, grain: 'month', ...range, dimensions: ['region'] }, { project: loadCrmProject(calendar), catalog: db.catalog, dialect: db.warehouse.dialect });
    expect(query.sql).toContain('AS "opportunity__owner"');
    const rows = readMetricRows(query, await db.warehouse.query(query.sql, query.params));
    for (const region of ['EMEA', 'NA', null]) {
      const expected = referenceSeries(metric, 'month', reference, range.from, range.to, (o: Opportunity) => o.region === region);
      expectSeries(rows.filter((r) => 'region' in r.slice && r.slice.region === region), expected, `${metric} ${region}`);
    }
  });
});

describe.each(crmWarehouses)('several grains in one statement on $name', ({ open }) => {
  let db: LoadedWarehouse;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());
  const calendar: Calendar = { timezone: 'America/New_York', week_start: 'sunday', fiscal_year_start_month: 2 };

  it.each(fixtureMetrics)('%s at day, week, month and quarter equals one query per grain', async (metric) => {
    const project = loadCrmProject(calendar);
    const ranges = [
      { grain: 'day' as const, from: '2025-01-01', to: '2025-01-31' },
      { grain: 'week' as const, from: '2024-12-01', to: '2025-04-30' },
      { grain: 'month' as const, from: '2024-12-01', to: '2025-04-30' },
      { grain: 'quarter' as const, from: '2024-11-01', to: '2025-04-30' },
    ];
    const env = { project, catalog: db.catalog, dialect: db.warehouse.dialect };
    const together = compileMetricGrains({ metric, ranges, dimensions: ['stage'].filter(() => metric === 'open_pipeline') }, env);
    const byGrain = readGrainRows(together, await db.warehouse.query(together.sql, together.params));
    for (const range of ranges) {
      const alone = compileMetric({ metric, ...range, dimensions: together.dimensions }, env);
      expect(byGrain.get(range.grain), range.grain).toEqual(readMetricRows(alone, await db.warehouse.query(alone.sql, alone.params)));
    }
  });
});
