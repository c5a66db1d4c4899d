import { collapseExplainedAnomalies, detectAnomalies, selectAcrossSeries, type Anomaly, type DetectionResult } from '../analysis/index.js';
import type { Project } from '../model/index.js';
import type { AnomalyRecord, SeriesCheck } from '../store/index.js';
import { seriesKeyOf, type AnalysedSeries } from './analysed-series.js';
import { explanationLinks } from './explanation-links.js';
import { keepChangeIdentity } from './keep-change-identity.js';
import { seasonFor } from './season-policy.js';

/** An anomaly stored before for a series, as identity needs it. */
export type StoredChange = Parameters<typeof keepChangeIdentity>[1][number];

export interface MetricFindings {
  checks: SeriesCheck[];
  anomalies: (AnomalyRecord & { sliceKey: string })[];
}

/** One series checked by the detector at `alpha`, with the monitor's season (season-policy.ts). */
export function detectSeries(s: AnalysedSeries, alpha: number): DetectionResult {
  return detectAnomalies(s.series, { sensitivity: alpha, grain: s.grain, seasonLength: seasonFor(s.grain, s.series.values.length) });
}

/**
 * Anomalies in every series of one grain, as one family of tests: given each series' detection
 * (detectSeries, by series key), Benjamini–Hochberg across the series keeps the anomalies of the series with
 * evidence (selectAcrossSeries), and an anomaly that a child metric's or a narrower slice's fully
 * explains is marked explained by it (collapseExplainedAnomalies). A change already stored for the
 * series (`stored`, by series key) keeps its period (keepChangeIdentity). Pure: findings by metric.
 */
export function findAnomalies(
  project: Project,
  series: readonly AnalysedSeries[],
  results: ReadonlyMap<string, DetectionResult>,
  options: { alpha: number; stored?: ReadonlyMap<string, readonly StoredChange[]> },
): Map<string, MetricFindings> {
  const { alpha } = options;
  const byKey = new Map(series.map((s) => [seriesKeyOf(s), s]));
  const findings = new Map<string, MetricFindings>();
  const of = (metric: string) => findings.get(metric) ?? findings.set(metric, { checks: [], anomalies: [] }).get(metric)!;
  for (const [key, s] of byKey) {
    const result = results.get(key)!;
    of(s.metric).checks.push({
      slice: s.slice,
      status: result.status === 'ok' ? 'judged' : 'insufficient',
      reason: result.status === 'ok' ? null : result.reason,
      periods: s.series.values.filter((v) => v !== null).length,
      lastPeriod: s.series.timestamps.at(-1) ?? null,
    });
  }
  const selected = selectAcrossSeries(Object.fromEntries(results), alpha);
  // A change seen before keeps its stored period, before anomalies of different series are compared by period.
  const kept: Record<string, Anomaly[]> = Object.fromEntries(
    selected.map((s) => {
      const timestamps = byKey.get(s.key)!.series.timestamps;
      const before = options.stored?.get(s.key) ?? [];
      const taken = new Set<string>();
      return [s.key, s.anomalies.map((a) => {
        const own = timestamps[a.index]!;
        const kept = keepChangeIdentity({ ...a, period: own }, before, timestamps);
        // Two changes near one stored change: the second keeps its own period (one row per identity).
        const period = taken.has(`${a.type}|${kept}`) ? own : kept;
        taken.add(`${a.type}|${period}`);
        return { ...a, timestamp: period };
      })];
    }),
  );
  const q = new Map(selected.map((s) => [s.key, s.seriesQValue]));
  const links = explanationLinks(project, series);
  for (const reported of collapseExplainedAnomalies(kept, links.children, { explains: links.explains })) {
    for (const { metric: key, anomaly } of [reported, ...reported.explains]) {
      const s = byKey.get(key)!;
      of(s.metric).anomalies.push({
        ...recordOf(anomaly, s),
        seriesQ: q.get(key)!,
        explainedBy: key === reported.metric ? null : reported.metric,
      });
    }
  }
  return findings;
}

function recordOf(a: Anomaly, s: AnalysedSeries): Omit<AnomalyRecord, 'seriesQ' | 'explainedBy'> & { sliceKey: string } {
  const details: Record<string, unknown> = {};
  for (const name of ['shift', 'slopeBefore', 'slopeAfter', 'periods', 'rules'] as const) if (a[name] !== undefined) details[name] = a[name];
  return {
    slice: s.slice,
    sliceKey: s.sliceKey,
    period: a.timestamp!,
    type: a.type,
    direction: a.direction,
    observed: a.observed,
    expected: a.expected,
    lower: a.lower,
    upper: a.upper,
    score: a.score,
    pValue: a.pValue,
    details,
  };
}
