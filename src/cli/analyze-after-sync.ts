import { projectNotifiers, runPlanCycle, type PlanCycle } from '../actions/index.js';
import type { Project } from '../model/index.js';
import { analyzeStoredSeries, type AnalysisSummary } from '../monitor/index.js';
import type { Queryable, SyncRun } from '../store/index.js';
import { formatDuration } from './format-duration.js';
import type { CliIo } from './io.js';
import { renderPlanCycle } from './render-plan-cycle.js';

/** The analysis of a run, then the owners' plan cycle over its results (when owners.yaml assigns metrics). */
export type AfterSync = AnalysisSummary & { plans?: PlanCycle; plansError?: string };

const count = new Intl.NumberFormat('en-US');

/**
 * The analysis after a sync that wrote something (succeeded or partial), its steps as progress on
 * stderr, then the plan cycle (triggers judged on the new values and anomalies, plans moved on,
 * digests and deliveries sent). A plan cycle that cannot run (a notifier's secret missing) is
 * reported, not thrown: the sync and its analysis are stored. Undefined when the run wrote nothing.
 */
export async function analyzeAfterSync(store: Queryable, project: Project, run: SyncRun, today: string, io: CliIo): Promise<AfterSync | undefined> {
  if (run.status !== 'succeeded' && run.status !== 'partial') return undefined;
  const analysis: AfterSync = await analyzeStoredSeries(store, project, { runId: run.id, today, onProgress: (step) => io.stderr(`Analysis: ${step}\n`) });
  if (project.owners.ownership.length === 0) return analysis;
  try {
    analysis.plans = await runPlanCycle(store, project, projectNotifiers(project, io.env), io.now().toISOString());
  } catch (error) {
    analysis.plansError = error instanceof Error ? error.message : String(error);
  }
  return analysis;
}

/** The analysis in a few lines: what was judged and found, what could not be judged, and each failure. */
export function renderAnalysisSummary(summary: AfterSync): string {
  const s = summary;
  const lines = [
    `Analysis of run ${s.runId}: ${count.format(s.judged)} series judged, ${count.format(s.anomalies - s.explained)} anomalies reported ` +
      `(${count.format(s.newAnomalies)} new, ${count.format(s.explained)} more explained by a child metric or a narrower slice), ` +
      `${s.forecasts} forecasts kept, ${count.format(s.scoredPoints)} forecast points scored, ${s.edgesFitted} influence edges fitted, ${formatDuration(s.durationMs)}`,
  ];
  if (s.insufficient.length > 0) lines.push(`  ${count.format(s.insufficient.length)} series could not be judged, e.g. ${s.insufficient[0]!.metric} ${s.insufficient[0]!.sliceKey} by ${s.insufficient[0]!.grain}: ${s.insufficient[0]!.reason}`);
  if (s.unforecast.length > 0) lines.push(`  ${s.unforecast.length} totals not forecast, e.g. ${s.unforecast[0]!.metric} by ${s.unforecast[0]!.grain}: ${s.unforecast[0]!.reason}`);
  if (s.edgesUnavailable > 0) lines.push(`  ${s.edgesUnavailable} influence edges could not be fitted: kpitree edges lists why`);
  for (const f of s.failures) lines.push(`  ✗ ${f.subject} (${f.step}): ${f.error}`);
  const plans = s.plans ? renderPlanCycle(s.plans) : s.plansError ? `Plans not evaluated: ${s.plansError} (fix it, then: kpitree plans evaluate)\n` : '';
  return lines.join('\n') + '\n' + plans;
}
