import type { GrainRange } from '../../semantic/index.js';

/** One metric of one run: the job a worker takes. Its singleton key is the metric. */
export interface MetricJob {
  runId: number;
  metric: string;
  ranges: GrainRange[];
}

/** A schedule came due: plan a run of its metrics. */
export interface ScheduleJob {
  schedule: string;
}

/** The queue of metric jobs: policy singleton, so no two jobs of one metric are ever active at once. */
export const metricQueue = 'kpitree_sync_metric';

/** pg-boss keys a schedule by its queue: one queue per schedule of kpitree.yaml. */
export const scheduleQueuePrefix = 'kpitree_sync_schedule_';

export function scheduleQueue(schedule: string): string {
  return `${scheduleQueuePrefix}${schedule.replace(/\W/g, '_')}`;
}
