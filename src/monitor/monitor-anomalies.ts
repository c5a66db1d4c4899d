import { resolveAlpha, sensitivityAlpha, type DetectionResult } from '../analysis/index.js';
import type { Grain } from '../model/index.js';
import { anomalyFamily, listAnomalies, recordSeriesAnalysis, type StoredAnomaly } from '../store/index.js';
import { seriesKeyOf, type AnalysedSeries } from './analysed-series.js';
import { attemptStep, readAnalysedSeries, type AnalysisContext } from './analysis-context.js';
import { detectSeries, findAnomalies } from './find-anomalies.js';

const identity = (a: { sliceKey: string; period: string; type: Parameters<typeof anomalyFamily>[0] }) => `${a.sliceKey}|${a.period}|${anomalyFamily(a.type)}`;

/** Anomalies in every stored slice of the run's metrics at one grain; stored one transaction per metric. */
export async function monitorAnomalies(ctx: AnalysisContext, grain: Grain): Promise<void> {
  const { db, summary, runId } = ctx;
  ctx.progress(`anomalies by ${grain}: reading ${ctx.metrics.length} metrics`);
  const series: AnalysedSeries[] = [];
  for (const metric of ctx.metrics) await attemptStep(ctx, metric, `read ${grain}`, async () => void series.push(...(await readAnalysedSeries(ctx, metric, grain))));
  ctx.progress(`anomalies by ${grain}: checking ${series.length} series`);
  const stored = new Map<string, StoredAnomaly[]>();
  for (const a of await listAnomalies(db, { grain, includeExplained: true })) stored.set(seriesKeyOf(a), [...(stored.get(seriesKeyOf(a)) ?? []), a]);
  const alpha = resolveAlpha(ctx.sensitivity) ?? sensitivityAlpha.low;
  const results = new Map<string, DetectionResult>();
  for (const s of series) {
    results.set(seriesKeyOf(s), detectSeries(s, alpha));
    // Let timers (heartbeats, a worker's job queue) and signals run between series.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const findings = findAnomalies(ctx.project, series, results, { alpha, stored });
  for (const [metric, found] of findings) {
    await attemptStep(ctx, metric, `anomalies by ${grain}`, async () => {
      const { anomalies } = found;
      await recordSeriesAnalysis(db, { metric, grain, runId, checks: found.checks, anomalies });
      const known = new Set([...stored.values()].flat().filter((a) => a.metric === metric).map(identity));
      summary.judged += found.checks.filter((c) => c.status === 'judged').length;
      for (const c of found.checks) if (c.status === 'insufficient') summary.insufficient.push({ metric, grain, sliceKey: JSON.stringify(c.slice), reason: c.reason! });
      summary.anomalies += anomalies.length;
      summary.newAnomalies += anomalies.filter((a) => !known.has(identity(a))).length;
      summary.explained += anomalies.filter((a) => a.explainedBy !== null).length;
    });
  }
}
