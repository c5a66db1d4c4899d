import type { GrainRange } from '../semantic/index.js';
import type { SyncResult } from '../sync/index.js';
import { formatDuration } from './format-duration.js';

const count = new Intl.NumberFormat('en-US');

/** What a run covers: "full history" or "the restatement window", each grain's first period, to today. */
export function describeRanges(ranges: readonly GrainRange[], full: boolean): string {
  const grains = ranges.map((r) => `${r.grain} from ${r.from}`).join(', ');
  return `${full ? 'full history' : 'restatement window'}: ${grains}, to ${ranges[0]?.to ?? '?'}`;
}

/** The summary a sync prints: the run, its outcome, its counts, each failure on a line. */
export function renderSyncSummary(result: SyncResult): string {
  const { run, outcomes } = result;
  const failed = outcomes.filter((o) => o.status === 'failed');
  const written = outcomes.length - failed.length;
  const head =
    `Run ${run.id} ${run.status}: ${written} of ${run.metricsPlanned ?? outcomes.length} metrics written` +
    `${failed.length > 0 ? `, ${failed.length} failed` : ''}, ${count.format(run.rowsWritten)} values, ${formatDuration(result.durationMs)}`;
  const lines = failed.map((o) => `  ✗ ${o.metric}: ${firstLine(o.error ?? '')} (${o.attempts} attempt${o.attempts === 1 ? '' : 's'})`);
  return [head, ...lines].join('\n') + '\n';
}

/** An error's first line: a database may add the statement's line and a caret below (kept for kpitree runs --sql). */
export function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}
