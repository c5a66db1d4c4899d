import type { Sensitivity } from '../analysis/index.js';
import type { Grain, Project } from '../model/index.js';
import { listRunMetrics, type Queryable } from '../store/index.js';
import type { AnalysisContext, AnalysisSummary } from './analysis-context.js';
import { monitorAnomalies } from './monitor-anomalies.js';
import { monitorForecasts } from './monitor-forecasts.js';
import { monitorInfluences } from './monitor-influences.js';

/** Grains watched for anomalies, and grains whose totals are forecast, when the project stores them. */
export const monitoredGrains: readonly Grain[] = ['day', 'week', 'month'];
export const forecastGrains: readonly Grain[] = ['week', 'month'];
/** Every anomaly test at 0.001: the monitor watches thousands of series after each sync. */
export const monitorSensitivity: Sensitivity = 'low';

export interface AnalysisRequest {
  /** The sync run whose written metrics are analysed. */
  runId: number;
  /** The day the sync computed up to ('YYYY-MM-DD'): the period holding it is not over and is left out. */
  today: string;
  /** Default monitorSensitivity. */
  sensitivity?: Sensitivity | number;
  onProgress?: (step: string) => void;
}

/**
 * The analysis after a sync run, over the series it wrote: anomalies in every stored slice at each
 * monitored grain (one family of tests per grain; one transaction per metric × grain), a forecast
 * of each total (kept; one transaction each) and the scoring of kept forecasts whose periods are
 * over, and the influence edges of every tree (one transaction per tree). A failing metric or tree
 * is reported and the rest goes on; what was stored before stays until replaced whole.
 */
export async function analyzeStoredSeries(db: Queryable, project: Project, request: AnalysisRequest): Promise<AnalysisSummary> {
  const started = performance.now();
  const grains = project.config.sync.grains;
  const ctx: AnalysisContext = {
    db,
    project,
    runId: request.runId,
    today: request.today,
    metrics: (await listRunMetrics(db, request.runId)).filter((m) => m.status === 'succeeded').map((m) => m.metric),
    sensitivity: request.sensitivity ?? monitorSensitivity,
    progress: request.onProgress ?? (() => undefined),
    summary: {
      runId: request.runId, metrics: 0, judged: 0, insufficient: [], anomalies: 0, newAnomalies: 0, explained: 0,
      forecasts: 0, unforecast: [], scoredPoints: 0, edgesFitted: 0, edgesUnavailable: 0, failures: [], durationMs: 0,
    },
  };
  ctx.summary.metrics = ctx.metrics.length;
  for (const grain of monitoredGrains.filter((g) => grains.includes(g))) await monitorAnomalies(ctx, grain);
  await monitorForecasts(ctx, forecastGrains.filter((g) => grains.includes(g)));
  const edgeGrain = (['week', 'month', 'day'] as const).find((g) => grains.includes(g));
  if (edgeGrain && ctx.metrics.length > 0) await monitorInfluences(ctx, edgeGrain);
  ctx.summary.durationMs = performance.now() - started;
  return ctx.summary;
}
