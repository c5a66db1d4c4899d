import type { Grain } from '../model/index.js';
import { anomalyFamily, listAnomalies, recordSeriesAnalysis } from '../store/index.js';
import type { AnalysedSeries } from './analysed-series.js';
import { attemptStep, readAnalysedSeries, type AnalysisContext } from './analysis-context.js';
import { findAnomalies } from './find-anomalies.js';
import { keepChangeIdentity } from './keep-change-identity.js';

const identity = (a: { sliceKey: string; period: string; type: Parameters<typeof anomalyFamily>[0] }) => `${a.sliceKey}|${a.period}|${anomalyFamily(a.type)}`;

/** Anomalies in every stored slice of the run's metrics at one grain; stored one transaction per metric. */
export async function monitorAnomalies(ctx: AnalysisContext, grain: Grain): Promise<void> {
  const { db, summary, runId } = ctx;
  ctx.progress(`anomalies by ${grain}: reading ${ctx.metrics.length} metrics`);
  const series: AnalysedSeries[] = [];
  for (const metric of ctx.metrics) await attemptStep(ctx, metric, `read ${grain}`, async () => void series.push(...(await readAnalysedSeries(ctx, metric, grain))));
  ctx.progress(`anomalies by ${grain}: checking ${series.length} series`);
  const findings = findAnomalies(ctx.project, series, { sensitivity: ctx.sensitivity });
  for (const [metric, found] of findings) {
    await attemptStep(ctx, metric, `anomalies by ${grain}`, async () => {
      const stored = await listAnomalies(db, { metric, grain, includeExplained: true });
      const timestamps = new Map(series.filter((s) => s.metric === metric).map((s) => [s.sliceKey, s.series.timestamps]));
      const anomalies = found.anomalies.map((a) => ({
        ...a,
        period: keepChangeIdentity(a, stored.filter((s) => s.sliceKey === a.sliceKey), timestamps.get(a.sliceKey) ?? []),
      }));
      await recordSeriesAnalysis(db, { metric, grain, runId, checks: found.checks, anomalies });
      const known = new Set(stored.map(identity));
      summary.judged += found.checks.filter((c) => c.status === 'judged').length;
      for (const c of found.checks) if (c.status === 'insufficient') summary.insufficient.push({ metric, grain, sliceKey: JSON.stringify(c.slice), reason: c.reason! });
      summary.anomalies += anomalies.length;
      summary.newAnomalies += anomalies.filter((a) => !known.has(identity(a))).length;
      summary.explained += anomalies.filter((a) => a.explainedBy !== null).length;
    });
  }
}
