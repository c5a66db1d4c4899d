import type { Project } from '../model/index.js';
import { analyzeStoredSeries, type AnalysisSummary } from '../monitor/index.js';
import type { Queryable, SyncRun } from '../store/index.js';
import { formatDuration } from './format-duration.js';
import type { CliIo } from './io.js';

const count = new Intl.NumberFormat('en-US');

/**
 * The analysis after a sync that wrote something (succeeded or partial), its steps as progress on
 * stderr. Returns undefined when the run wrote nothing to analyse.
 */
export async function analyzeAfterSync(store: Queryable, project: Project, run: SyncRun, today: string, io: CliIo): Promise<AnalysisSummary | undefined> {
  if (run.status !== 'succeeded' && run.status !== 'partial') return undefined;
  return analyzeStoredSeries(store, project, { runId: run.id, today, onProgress: (step) => io.stderr(`Analysis: ${step}\n`) });
}

/** The analysis in a few lines: what was judged and found, what could not be judged, and each failure. */
export function renderAnalysisSummary(summary: AnalysisSummary): string {
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
  return lines.join('\n') + '\n';
}
