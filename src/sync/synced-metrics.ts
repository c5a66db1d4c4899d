import { treeNodes, type Project } from '../model/index.js';

/** The metrics of one tree, each once, parents before children. */
export function treeMetrics(project: Pick<Project, 'trees'>, treeId: string): string[] {
  const tree = project.trees.get(treeId);
  return tree ? [...new Set(treeNodes(tree).map(({ node }) => node.metric))] : [];
}

/**
 * The metrics a sync keeps current: every metric of every tree and every metric a schedule names,
 * each once, in file order. A project without trees or schedules keeps all its metrics.
 */
export function syncedMetrics(project: Pick<Project, 'trees' | 'metrics' | 'config'>): string[] {
  const ids = new Set<string>();
  for (const treeId of project.trees.keys()) for (const metric of treeMetrics(project, treeId)) ids.add(metric);
  for (const schedule of project.config.sync.schedules) for (const metric of schedule.metrics) ids.add(metric);
  const known = [...ids].filter((id) => project.metrics.has(id));
  return known.length > 0 ? known : [...project.metrics.keys()];
}
