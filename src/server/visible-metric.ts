import { canSeeMetric } from '../access/index.js';
import type { Metric, Ownership } from '../model/index.js';
import { ApiError } from './api-error.js';
import type { ServerContext } from './server-context.js';
import type { Viewer } from './viewer.js';

/**
 * The metric `id` if the viewer may read it. An unknown metric and one outside the viewer's scope
 * are the same 404, so that a scope's edges cannot be probed.
 */
export function visibleMetric(context: ServerContext, viewer: Viewer, id: string): { metric: Metric; ownership: Ownership | undefined } {
  const metric = context.project.metrics.get(id);
  if (!metric || !canSeeMetric(viewer.scope, id)) throw new ApiError(404, 'not_found', `No metric "${id}" that you can read.`, 'params.id');
  return { metric, ownership: context.project.owners.ownership.find((o) => o.metric === id) };
}
