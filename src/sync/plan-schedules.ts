import type { Project } from '../model/index.js';
import { syncedMetrics, treeMetrics } from './synced-metrics.js';

/** A cron expression and the metrics each of its runs syncs. */
export interface SyncSchedule {
  /** `default` (sync.cron: every metric no schedule claims), or `schedule-N` (the Nth of sync.schedules). */
  name: string;
  cron: string;
  metrics: string[];
}

/**
 * The schedules of kpitree.yaml's `sync:`: each listed schedule runs the metrics of its trees and
 * its metrics; `sync.cron` runs every other synced metric (and is left out when none is left).
 */
export function planSchedules(project: Pick<Project, 'trees' | 'metrics' | 'config'>): SyncSchedule[] {
  const claimed = new Set<string>();
  const listed = project.config.sync.schedules.map((schedule, i) => {
    const metrics = [...new Set([...schedule.trees.flatMap((tree) => treeMetrics(project, tree)), ...schedule.metrics])].filter((m) => project.metrics.has(m));
    metrics.forEach((metric) => claimed.add(metric));
    return { name: `schedule-${i + 1}`, cron: schedule.cron, metrics };
  });
  const rest = syncedMetrics(project).filter((metric) => !claimed.has(metric));
  return [...(rest.length > 0 ? [{ name: 'default', cron: project.config.sync.cron, metrics: rest }] : []), ...listed];
}
