import { beforeEach, describe, expect, it } from 'vitest';
import { listAnomalies, listSeriesChecks } from './monitor/list-anomalies.js';
import { listForecasts, listScoredPoints } from './monitor/list-forecasts.js';
import type { AnomalyRecord, SeriesCheck } from './monitor/monitor-types.js';
import { recordForecast } from './monitor/record-forecast.js';
import { recordSeriesAnalysis } from './monitor/record-series-analysis.js';
import { listInfluenceEdges, replaceInfluenceEdges } from './monitor/replace-influence-edges.js';
import { scoreForecasts } from './monitor/score-forecasts.js';
import { readMetricSlices } from './series/read-metric-slices.js';
import { replaceSeriesWindow } from './series/replace-series-window.js';
import type { Store } from './store.js';
import { StoreError } from './store-error.js';
import { storeTargets, useFreshStore } from './test-support/store-targets.js';

const anomaly = (over: Partial<AnomalyRecord> = {}): AnomalyRecord => ({
  slice: { region: 'EMEA' }, period: '2026-03-02', type: 'level_shift', direction: 'down', observed: 80, expected: 100, lower: 90, upper: 110,
  score: 6.5, pValue: 1e-6, seriesQ: 2e-5, details: { shift: -20 }, explainedBy: null, ...over,
});

const edge = { driver: 'activities', outcome: 'pipeline_created', status: 'fitted' as const, reason: null, lag: 4, r: 0.61, pAdjusted: 0.002, q: 0.004, n: 90, weight: 12.5, weightSe: 3.1, weightP: 0.001, standardized: 0.5 };

/** The monitor's tables (migration 002) and repositories, the same on every engine. */
describe.each(storeTargets)('monitor repositories on %s', (_name, makeTarget) => {
  const fresh = useFreshStore(makeTarget);
  let store: Store;
  beforeEach(() => {
    store = fresh();
  });

  it('records an analysis: checks replaced, anomalies upserted by identity, the first run kept', async () => {
    const checks: SeriesCheck[] = [
      { slice: {}, status: 'judged' as const, reason: null, periods: 104, lastPeriod: '2026-06-22' },
      { slice: { region: 'EMEA' }, status: 'judged' as const, reason: null, periods: 104, lastPeriod: '2026-06-22' },
      { slice: { region: null }, status: 'insufficient' as const, reason: 'every value is 0: nothing varies to judge against', periods: 104, lastPeriod: '2026-06-22' },
    ];
    expect(await recordSeriesAnalysis(store, { metric: 'activities', grain: 'week', runId: 3, checks, anomalies: [anomaly(), anomaly({ type: 'spike', direction: 'up', period: '2025-12-01', slice: {} })] })).toEqual({ anomalies: 2, checks: 3 });
    // Run 4 finds the level shift again (a new estimate of its size), and the spike is now explained.
    await recordSeriesAnalysis(store, {
      metric: 'activities', grain: 'week', runId: 4, checks: checks.slice(0, 2),
      anomalies: [anomaly({ observed: 78, details: { shift: -22 } }), anomaly({ type: 'spike', direction: 'up', period: '2025-12-01', slice: {}, explainedBy: 'activities|{"region":"EMEA"}' })],
    });
    const all = await listAnomalies(store, { metric: 'activities', includeExplained: true });
    expect(all.map((a) => [a.period, a.sliceKey, a.type, a.firstRunId, a.lastRunId, a.observed])).toEqual([
      ['2026-03-02', '{"region":"EMEA"}', 'level_shift', 3, 4, 78],
      ['2025-12-01', '{}', 'spike', 3, 4, 80],
    ]);
    expect(all[0]).toMatchObject({ grain: 'week', family: 'level_shift', slice: { region: 'EMEA' }, details: { shift: -22 }, pValue: 1e-6, seriesQ: 2e-5, explainedBy: null });
    expect((await listAnomalies(store, { metric: 'activities' })).map((a) => a.type)).toEqual(['level_shift']);
    expect(await listAnomalies(store, { since: '2026-03-03' })).toEqual([]);
    expect((await listSeriesChecks(store, { metric: 'activities' })).map((c) => [c.slice, c.status, c.runId])).toEqual([
      [{ region: 'EMEA' }, 'judged', 4],
      [{}, 'judged', 4],
    ]);
  });

  it('refuses a bad anomaly before writing anything, and a failure keeps the previous analysis', async () => {
    await expect(recordSeriesAnalysis(store, { metric: 'activities', grain: 'week', runId: 5, checks: [], anomalies: [anomaly({ score: Number.NaN })] })).rejects.toThrow(/anomaly 1 of activities \(week\): score NaN is not a finite number/);
    await expect(recordSeriesAnalysis(store, { metric: 'activities', grain: 'week', runId: 5, checks: [], anomalies: [anomaly({ period: '2026-02-30' })] })).rejects.toThrow(StoreError);
    const failing = store.withTransaction(async (tx) => {
      await recordSeriesAnalysis(tx, { metric: 'activities', grain: 'week', runId: 6, checks: [], anomalies: [] });
      throw new Error('the analysis failed midway');
    });
    await expect(failing).rejects.toThrow('midway');
    expect((await listSeriesChecks(store, { metric: 'activities' })).length).toBe(2);
    expect((await listAnomalies(store, { metric: 'activities', includeExplained: true })).every((a) => a.lastRunId === 4)).toBe(true);
  });

  it('keeps forecasts by origin, scores their points against the stored actuals, and rescores a restated actual', async () => {
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19'];
    const points = weeks.map((period, i) => ({ period, step: i + 1, value: 100 + i, lower: 90 + i, upper: 110 + i }));
    const base = { metric: 'won_deals', grain: 'week' as const, slice: {}, runId: 7, model: { method: 'holt-winters' }, level: 0.95, naiveScale: 8, warnings: [] };
    const first = await recordForecast(store, { ...base, originPeriod: '2025-12-29', points });
    const again = await recordForecast(store, { ...base, originPeriod: '2025-12-29', points: points.map((p) => ({ ...p, value: p.value + 1 })) });
    expect(again).not.toBe(first);
    await recordForecast(store, { ...base, originPeriod: '2026-01-05', points: points.slice(1) });
    expect((await listForecasts(store, { metric: 'won_deals' })).map((f) => [f.originPeriod, f.points.length])).toEqual([['2026-01-05', 2], ['2025-12-29', 3]]);

    await replaceSeriesWindow(store, { metric: 'won_deals', grain: 'week', from: '2026-01-05', to: '2026-01-19', runId: 8, rows: [
      { period: '2026-01-05', slice: {}, value: 120 }, { period: '2026-01-12', slice: {}, value: 95 }, { period: '2026-01-19', slice: {}, value: 99 },
      { period: '2026-01-05', slice: { region: 'EMEA' }, value: 60 },
    ] });
    // The week of the 19th is not over: only two periods are scored, in both forecasts that cover them.
    expect(await scoreForecasts(store, { week: '2026-01-12' })).toBe(3);
    expect(await scoreForecasts(store, { week: '2026-01-12' })).toBe(0);
    const scored = await listScoredPoints(store, { metric: 'won_deals' });
    expect(scored.map((p) => [p.originPeriod, p.period, p.value, p.actual, p.naiveScale])).toEqual([
      ['2025-12-29', '2026-01-05', 101, 120, 8],
      ['2025-12-29', '2026-01-12', 102, 95, 8],
      ['2026-01-05', '2026-01-12', 101, 95, 8],
    ]);
    await replaceSeriesWindow(store, { metric: 'won_deals', grain: 'week', from: '2026-01-12', to: '2026-01-12', runId: 9, rows: [{ period: '2026-01-12', slice: {}, value: 97 }] });
    expect(await scoreForecasts(store, { week: '2026-01-12' })).toBe(2);
    expect((await listScoredPoints(store, { metric: 'won_deals' })).map((p) => p.actual)).toEqual([120, 97, 97]);
    await expect(recordForecast(store, { ...base, originPeriod: '2026-01-19', points })).rejects.toThrow(/point 1 \(2026-01-05\) is not after the origin 2026-01-19/);
  });

  it('keeps one forecast per origin when writers of the same origin race', async () => {
    const points = [{ period: '2026-02-09', step: 1, value: 5, lower: 4, upper: 6 }];
    const forecast = { metric: 'won_deals', grain: 'week' as const, slice: {}, originPeriod: '2026-02-02', model: {}, level: 0.95, naiveScale: 1, warnings: [], points };
    await Promise.all([1, 2, 3, 4].map((runId) => recordForecast(store, { ...forecast, runId })));
    const kept = (await listForecasts(store, { metric: 'won_deals' })).filter((f) => f.originPeriod === '2026-02-02');
    expect(kept).toHaveLength(1);
  });

  it('reads every slice of a metric in one scan, and replaces a tree’s influence edges whole', async () => {
    const slices = await readMetricSlices(store, { metric: 'won_deals', grain: 'week' });
    expect(slices.map((s) => [s.sliceKey, s.periods, s.values])).toEqual([
      ['{"region":"EMEA"}', ['2026-01-05'], [60]],
      ['{}', ['2026-01-05', '2026-01-12', '2026-01-19'], [120, 97, 99]],
    ]);
    await replaceInfluenceEdges(store, { tree: 'revenue', grain: 'week', runId: 7, edges: [edge, { ...edge, driver: 'quota', status: 'unavailable', reason: 'quota is constant', lag: null, r: null, pAdjusted: null, q: null, n: null, weight: null, weightSe: null, weightP: null, standardized: null }] });
    await replaceInfluenceEdges(store, { tree: 'revenue', grain: 'week', runId: 8, edges: [{ ...edge, r: 0.7 }] });
    expect((await listInfluenceEdges(store)).map((e) => [e.tree, e.driver, e.outcome, e.runId, e.r, e.lag, e.q])).toEqual([['revenue', 'activities', 'pipeline_created', 8, 0.7, 4, 0.004]]);
    await expect(replaceInfluenceEdges(store, { tree: 'revenue', grain: 'week', runId: 9, edges: [{ ...edge, r: Number.POSITIVE_INFINITY }] })).rejects.toThrow(/not finite/);
    expect((await listInfluenceEdges(store, { tree: 'revenue' }))[0]!.runId).toBe(8);
  });
});
