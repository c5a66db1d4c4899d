import type { Project } from '../model/index.js';
import { planMetric } from './plan-metric.js';

/**
 * The dimensions a metric can be sliced by: those every dataset it reads defines (a ratio of
 * leads to opportunities slices by region only if both datasets have a region).
 */
export function metricDimensions(project: Pick<Project, 'metrics' | 'datasets'>, metricId: string): string[] {
  const datasets = [...new Set(planMetric(project, metricId).leaves.map((leaf) => leaf.metric.dataset))];
  const names = datasets.map((id) => new Set(project.datasets.get(id)?.dimensions.map((d) => d.name) ?? []));
  const [first, ...rest] = names;
  return first ? [...first].filter((name) => rest.every((set) => set.has(name))) : [];
}
