import type { Sensitivity } from '../analysis/index.js';
import type { Grain, Project } from '../model/index.js';
import { readMetricSlices, readSeries, type Queryable } from '../store/index.js';
import { analysedSeries, type AnalysedSeries } from './analysed-series.js';

export interface AnalysisSummary {
  runId: number;
  /** The run's metrics that were written, and so analysed. */
  metrics: number;
  judged: number;
  /** Series that could not be judged, with why (short history, constant, all missing). */
  insufficient: { metric: string; grain: Grain; sliceKey: string; reason: string }[];
  anomalies: number;
  newAnomalies: number;
  explained: number;
  forecasts: number;
  unforecast: { metric: string; grain: Grain; reason: string }[];
  scoredPoints: number;
  edgesFitted: number;
  edgesUnavailable: number;
  /** What failed, for which metric or tree; everything else was written. */
  failures: { subject: string; step: string; error: string }[];
  durationMs: number;
}

/** What each step of the analysis works with, and where it reports. */
export interface AnalysisContext {
  db: Queryable;
  project: Project;
  runId: number;
  today: string;
  metrics: string[];
  sensitivity: Sensitivity | number | undefined;
  summary: AnalysisSummary;
  progress: (step: string) => void;
}

/** Every stored slice of a metric at a grain, as the analysis sees it. */
export async function readAnalysedSeries(ctx: AnalysisContext, metric: string, grain: Grain): Promise<AnalysedSeries[]> {
  return (await readMetricSlices(ctx.db, { metric, grain })).map((stored) => analysedSeries(metric, grain, stored, ctx.today));
}

/** A metric's total at a grain as the analysis sees it, or undefined when none is stored. */
export async function readAnalysedTotal(ctx: AnalysisContext, metric: string, grain: Grain): Promise<AnalysedSeries | undefined> {
  const rows = await readSeries(ctx.db, { metric, grain });
  if (rows.length === 0) return undefined;
  return analysedSeries(metric, grain, { sliceKey: '{}', slice: {}, periods: rows.map((r) => r.period), values: rows.map((r) => r.value) }, ctx.today);
}

/** Runs one step for one metric or tree; its failure is reported in the summary and the analysis goes on. */
export async function attemptStep(ctx: AnalysisContext, subject: string, step: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.summary.failures.push({ subject, step, error: error instanceof Error ? error.message : String(error) });
  }
}
