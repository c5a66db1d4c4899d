import { didYouMean, type Metric, type Project } from '../model/index.js';
import { UsageError } from './cli-error.js';

/** A metric id given on the command line, or bad input naming `what` (an argument or an option) with the closest id. */
export function chooseMetric(project: Project, id: string, what: string): Metric {
  const metric = project.metrics.get(id);
  if (metric) return metric;
  const hint = didYouMean(id, project.metrics.keys());
  throw new UsageError(`${what}: unknown metric "${id}"${hint ? ` (${hint})` : ''}`);
}
