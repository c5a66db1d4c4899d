import type { Calendar, SyncConfig } from '../model/index.js';
import { addDays, addPeriods, periodStart, type GrainRange } from '../semantic/index.js';

/** How much of history a full sync computes when kpitree.yaml sets no sync.history_start. */
export const defaultHistoryMonths = 36;

/**
 * The range of each grain a run computes, up to `today` (the current period included, so far):
 * incremental, the restatement window rounded out to whole periods of the grain (a 90-day window
 * on May 15 restates weeks from Feb 10, months from Feb 1, quarters from Jan 1); full, from
 * sync.history_start (default: 36 months back). `from` is always a period start.
 */
export function syncRanges(config: Pick<SyncConfig, 'grains' | 'history_start' | 'restatement'>, calendar: Calendar, today: string, full: boolean): GrainRange[] {
  let start = full
    ? (config.history_start ?? addPeriods(periodStart(today, 'month', calendar), -defaultHistoryMonths, 'month'))
    : addDays(today, -Math.max(0, Math.ceil(config.restatement.seconds / 86_400)));
  if (start > today) start = today;
  return [...new Set(config.grains)].map((grain) => ({ grain, from: periodStart(start, grain, calendar), to: today }));
}
