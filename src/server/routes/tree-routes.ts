import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeMetric, defaultSlices } from '../../access/index.js';
import { grainSchema, treeNodes, type Tree } from '../../model/index.js';
import { latestValues, type LatestValue, type Slice } from '../../store/index.js';
import { ApiError } from '../api-error.js';
import { idParam, viewerErrors } from '../api-schemas.js';
import type { ServerContext } from '../server-context.js';
import type { Viewer } from '../viewer.js';
import { viewerOf } from '../viewer.js';
import { metricSummary, metricSummarySchema } from './metric-schemas.js';
import { visibleTreeNodes } from './visible-tree-nodes.js';

const treeSummarySchema = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), nodes: z.number().describe('nodes you can read') });

const nodeSchema = z.object({
  metric: metricSummarySchema,
  parent: z.string().nullable().describe('the nearest ancestor you can read'),
  edge: z.enum(['formula', 'influence']).nullable(),
  slice: z.record(z.string(), z.string().nullable()),
  period: z.string().nullable(),
  value: z.number().nullable(),
  previousPeriod: z.string().nullable(),
  previousValue: z.number().nullable(),
});

/** GET /api/trees and GET /api/trees/:id: the trees holding metrics the viewer may read, with their latest stored values. */
export function registerTreeRoutes(api: FastifyInstance, context: ServerContext): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const { project } = context;
  const visibleCount = (tree: Tree, viewer: Viewer) => treeNodes(tree).filter(({ node }) => canSeeMetric(viewer.scope, node.metric)).length;

  typed.get(
    '/api/trees',
    { schema: { summary: 'The trees with metrics you can read', tags: ['trees'], response: { 200: z.object({ trees: z.array(treeSummarySchema) }), ...viewerErrors } } },
    async (request) => {
      const viewer = viewerOf(request);
      const trees = [...project.trees.values()].map((tree) => ({ tree, nodes: visibleCount(tree, viewer) })).filter(({ nodes }) => nodes > 0);
      return { trees: trees.map(({ tree, nodes }) => ({ id: tree.id, name: tree.name ?? tree.id, description: tree.description ?? null, nodes })) };
    },
  );

  typed.get(
    '/api/trees/:id',
    {
      schema: {
        summary: "A tree's nodes you can read, each with its latest stored value and the one before (your default slice)",
        tags: ['trees'],
        params: idParam,
        querystring: z.strictObject({ grain: grainSchema.optional() }),
        response: { 200: treeSummarySchema.extend({ grain: grainSchema, nodes: z.array(nodeSchema) }), ...viewerErrors },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const tree = project.trees.get(request.params.id);
      if (!tree || visibleCount(tree, viewer) === 0) throw new ApiError(404, 'not_found', `No tree "${request.params.id}" that you can read.`, 'params.id');
      const grain = request.query.grain ?? project.config.sync.grains[0]!;
      const nodes = visibleTreeNodes(tree, (metric) => canSeeMetric(viewer.scope, metric));
      const values = await latestBySlice(context, nodes.map((n) => n.metric), grain, defaultSlices(viewer.scope));
      return {
        id: tree.id,
        name: tree.name ?? tree.id,
        description: tree.description ?? null,
        nodes: nodes.map((node) => {
          const found = values.get(node.metric);
          return {
            metric: metricSummary(project.metrics.get(node.metric)!, project.owners.ownership.find((o) => o.metric === node.metric)),
            parent: node.parent,
            edge: node.edge,
            slice: found?.slice ?? {},
            period: found?.value.period ?? null,
            value: found?.value.value ?? null,
            previousPeriod: found?.value.previousPeriod ?? null,
            previousValue: found?.value.previousValue ?? null,
          };
        }),
        grain,
      };
    },
  );
}

/** For each metric, the latest values of the first of `slices` that has any. */
async function latestBySlice(context: ServerContext, metrics: string[], grain: z.infer<typeof grainSchema>, slices: Slice[]): Promise<Map<string, { slice: Slice; value: LatestValue }>> {
  const found = new Map<string, { slice: Slice; value: LatestValue }>();
  for (const slice of slices) {
    const missing = metrics.filter((metric) => !found.has(metric));
    if (missing.length === 0) break;
    for (const [metric, value] of await latestValues(context.store, { metrics: missing, grain, slice })) found.set(metric, { slice, value });
  }
  return found;
}
