import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accuracyByMetric, accuracyByOwner, analyzeStoredSeries, nextPeriod, type AnalysisSummary } from '../../src/monitor/index.js';
import {
  finishRun, listAnomalies, listForecasts, listInfluenceEdges, listScoredPoints, listSeriesChecks, openStore, recordMetricResult, replaceSeriesWindow, startRun,
  type Queryable, type SeriesRow, type Store, type Transaction,
} from '../../src/store/index.js';
import { inlineProject } from '../support/inline-project.js';

const project = inlineProject({
  'kpitree.yaml': 'name: t\nwarehouse: "duckdb::memory:"\nsync:\n  grains: [week]\n  dimensions: [region]\n',
  'datasets/deals.yaml': 'id: deals\ntable: deals\ndimensions:\n  - name: region\n',
  'metrics/deals.yaml': `metrics:
  - { id: won_deals, kind: count, dataset: deals, time: close_date }
  - { id: revenue, kind: sum, dataset: deals, expr: amount, time: close_date }
  - { id: leads, kind: count, dataset: deals, time: created_date }
  - { id: seats, kind: count, dataset: deals, time: created_date }
  - { id: deal_size, kind: average, dataset: deals, expr: amount, time: close_date }
`,
  'trees/revenue.yaml': `id: revenue
root:
  metric: revenue
  formula: won_deals * deal_size
  children:
    - metric: won_deals
    - metric: deal_size
  drivers:
    - { metric: leads, lag: 2 weeks }
    - { metric: seats }
`,
  'owners.yaml': `people:
  - { id: ann, name: Ann, role: rep }
  - { id: bob, name: Bob, role: manager }
ownership:
  - { metric: revenue, responsible: ann, accountable: bob }
  - { metric: won_deals, responsible: ann }
`,
});

/** A fixed pseudo-random stream (LCG), so the series and their anomalies are the same on every run. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

const start = '2024-07-01';
const shiftWeek = 80;

/** 112 weeks: leads; won deals by region = half the leads two weeks before (EMEA falls 40% from week 80); revenue = won deals × ~1,000; seats constant. */
function history(): Record<string, SeriesRow[]> {
  const periods: string[] = [start];
  while (periods.length < 112) periods.push(nextPeriod(periods.at(-1)!, 'week'));
  const r = noise(7);
  const leads = periods.map((_, t) => 200 + t + 30 * r());
  const rows: Record<string, SeriesRow[]> = { leads: [], won_deals: [], revenue: [], seats: [] };
  periods.forEach((period, t) => {
    const lagged = leads[Math.max(0, t - 2)]!;
    const emea = Math.round(0.25 * lagged * (t >= shiftWeek ? 0.6 : 1) + 3 * r());
    const na = Math.round(0.25 * lagged + 3 * r());
    rows.leads!.push({ period, slice: {}, value: Math.round(leads[t]!) });
    rows.won_deals!.push({ period, slice: {}, value: emea + na }, { period, slice: { region: 'EMEA' }, value: emea }, { period, slice: { region: 'NA' }, value: na });
    rows.revenue!.push({ period, slice: {}, value: (emea + na) * (1000 + 50 * r()) });
    rows.seats!.push({ period, slice: {}, value: 5 });
  });
  return rows;
}

/** Records a sync run that wrote the periods [from, to] of every metric (as runSync would), and returns its id. */
async function syncRun(store: Store, all: Record<string, SeriesRow[]>, from: string, to: string): Promise<number> {
  const run = await startRun(store, { trigger: 'manual', metricsPlanned: Object.keys(all).length });
  for (const [metric, rows] of Object.entries(all)) {
    await store.withTransaction(async (tx) => {
      const window = rows.filter((row) => row.period >= from && row.period <= to);
      await replaceSeriesWindow(tx, { metric, grain: 'week', from, to, rows: window, runId: run.id });
      await recordMetricResult(tx, { runId: run.id, metric, status: 'succeeded', rowsWritten: window.length, durationMs: 1 });
    });
  }
  await finishRun(store, run.id);
  return run.id;
}

describe('analyzeStoredSeries on a store', () => {
  const all = history();
  const periods = all.leads!.map((row) => row.period);
  let store: Store;
  let first: AnalysisSummary;
  let second: AnalysisSummary;

  beforeAll(async () => {
    store = await openStore('pglite::memory:');
    // Run 1: weeks 0…103, plus week 104 in progress (today is inside it). Run 2: four weeks later.
    const run1 = await syncRun(store, all, periods[0]!, periods[104]!);
    first = await analyzeStoredSeries(store, project, { runId: run1, today: nextPeriod(periods[104]!, 'day') });
    const run2 = await syncRun(store, all, periods[100]!, periods[108]!);
    second = await analyzeStoredSeries(store, project, { runId: run2, today: nextPeriod(periods[108]!, 'day') });
  }, 120_000);
  afterAll(() => store?.close());

  it('judges every stored slice of the run, leaves out the period in progress, and says which it cannot judge', async () => {
    expect(first).toMatchObject({ runId: 1, metrics: 4, judged: 5, failures: [] });
    expect(first.insufficient).toEqual([{ metric: 'seats', grain: 'week', sliceKey: '{}', reason: expect.stringMatching(/every value is 5/) }]);
    const checks = await listSeriesChecks(store, { metric: 'won_deals' });
    expect(checks.map((c) => [c.slice, c.status, c.periods, c.lastPeriod, c.runId])).toEqual([
      [{ region: 'EMEA' }, 'judged', 108, periods[107], 2],
      [{ region: 'NA' }, 'judged', 108, periods[107], 2],
      [{}, 'judged', 108, periods[107], 2],
    ]);
  });

  it('finds the level shift where it happened, reports it once in the narrowest slice, and keeps it once across analyses', async () => {
    const shifts = (await listAnomalies(store, { metric: 'won_deals', includeExplained: true })).filter((a) => a.type === 'level_shift');
    const emea = shifts.filter((a) => a.sliceKey === '{"region":"EMEA"}');
    expect(emea.map((a) => [a.period, a.direction, a.firstRunId, a.lastRunId, a.explainedBy])).toEqual([[periods[shiftWeek], 'down', 1, 2, null]]);
    expect(emea[0]!.details.shift).toBeLessThan(-15); // 40% of about 60 deals a week
    // The total moved by EMEA's move: when flagged, it is explained by EMEA, not reported again.
    for (const total of shifts.filter((a) => a.sliceKey === '{}')) expect(total.explainedBy).toBe('won_deals|{"region":"EMEA"}');
    expect(second.newAnomalies).toBeLessThan(first.anomalies);
    expect(shifts.filter((a) => a.sliceKey === '{"region":"NA"}')).toEqual([]);
  });

  it('keeps each forecast and scores it against the actuals that land, by metric and by owner', async () => {
    const kept = await listForecasts(store, { metric: 'revenue', grain: 'week' });
    expect(kept.map((f) => [f.originPeriod, f.runId, f.points.length])).toEqual([[periods[107], 2, 13], [periods[103], 1, 13]]);
    const issued = kept[1]!;
    expect(issued.points.slice(0, 5).map((p) => [p.period, p.step, p.actual])).toEqual([
      ...periods.slice(104, 108).map((period, i) => [period, i + 1, all.revenue![104 + i]!.value]),
      [periods[108], 5, null], // in progress when run 2 synced
    ]);
    // Independently: the seed's accuracy, MASE over the history's naive error, interval coverage.
    const history = all.revenue!.slice(0, 104).map((row) => row.value!);
    const scale = history.slice(1).reduce((s, v, i) => s + Math.abs(v - history[i]!), 0) / (history.length - 1);
    const scored = issued.points.slice(0, 4);
    const expected = {
      points: 4,
      accuracy: scored.reduce((s, p) => s + (1 - Math.abs(p.value - p.actual!) / p.actual!), 0) / 4,
      mase: scored.reduce((s, p) => s + Math.abs(p.actual! - p.value) / scale, 0) / 4,
      coverage: scored.filter((p) => p.actual! >= p.lower && p.actual! <= p.upper).length / 4,
    };
    const points = await listScoredPoints(store);
    const byMetric = accuracyByMetric(points, project.owners);
    const revenue = byMetric.find((row) => row.metric === 'revenue')!;
    expect(revenue).toMatchObject({ grain: 'week', owner: 'ann', points: 4, coverage: expected.coverage });
    expect(revenue.accuracy).toBeCloseTo(expected.accuracy, 12);
    expect(revenue.mase).toBeCloseTo(expected.mase, 12);
    expect(second.scoredPoints).toBe(4 * 4); // four weeks of the four totals forecast by run 1
    const byOwner = accuracyByOwner(points, project.owners);
    expect(byOwner.map((row) => [row.owner, row.metrics, row.points])).toEqual([['ann', ['revenue', 'won_deals'], 8], ['bob', ['revenue'], 4]]);
  });

  it('fits each influence edge of the tree with its lag, and says why one cannot be fitted', async () => {
    const edges = await listInfluenceEdges(store, { tree: 'revenue' });
    expect(edges.map((e) => [e.driver, e.outcome, e.status, e.lag])).toEqual([['leads', 'revenue', 'fitted', 2], ['seats', 'revenue', 'unavailable', null]]);
    expect(edges[0]!.r).toBeGreaterThan(0.3);
    expect(edges[0]!.q).toBeLessThan(0.01);
    expect(edges[1]!.reason).toMatch(/constant/);
  });

  it('reports a failing step for its metric, writes nothing of it, and stores everything else', async () => {
    const issued = async () => (await listForecasts(store, { metric: 'revenue', grain: 'week' })).map((f) => [f.id, f.originPeriod, f.points.map(({ actual: _scored, ...p }) => p)]);
    const before = await issued();
    const run3 = await syncRun(store, all, periods[104]!, periods[110]!);
    const summary = await analyzeStoredSeries(failingOn(store, /INSERT INTO forecast_points/, 'revenue'), project, { runId: run3, today: nextPeriod(periods[110]!, 'day') });
    expect(summary.failures).toEqual([{ subject: 'revenue', step: 'forecast by week', error: expect.stringMatching(/injected failure/) }]);
    expect(await issued()).toEqual(before);
    expect((await listForecasts(store, { metric: 'won_deals', grain: 'week' }))[0]!.originPeriod).toBe(periods[109]);
    expect((await listSeriesChecks(store, { metric: 'revenue' }))[0]!.runId).toBe(run3);
  });
});

/** The store, with statements matching `sql` failing while a forecast of `metric` is written (the forecast row is written first). */
function failingOn(store: Store, sql: RegExp, metric: string): Queryable {
  let current = '';
  const wrap = (db: Queryable): Queryable => ({
    engine: db.engine,
    async query(text, params) {
      if (/INSERT INTO forecasts/.test(text)) current = String(params?.[0]);
      if (sql.test(text) && current === metric) throw new Error('injected failure');
      return db.query(text, params);
    },
    withTransaction: (fn) => db.withTransaction((tx: Transaction) => fn(wrap(tx))),
  });
  return wrap(store);
}
