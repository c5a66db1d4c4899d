import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeMetric, canSeeSlice } from '../../access/index.js';
import { grainSchema } from '../../model/index.js';
import { listSlices } from '../../store/index.js';
import { idParam, viewerErrors } from '../api-schemas.js';
import type { ServerContext } from '../server-context.js';
import { viewerOf } from '../viewer.js';
import { visibleMetric } from '../visible-metric.js';
import { metricSummary, metricSummarySchema } from './metric-schemas.js';

const sliceSchema = z.record(z.string(), z.string().nullable());

/** GET /api/metrics and GET /api/metrics/:id: the metrics the viewer may read, with their RACI and target. */
export function registerMetricRoutes(api: FastifyInstance, context: ServerContext): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const { project } = context;

  typed.get(
    '/api/metrics',
    { schema: { summary: 'The metrics you can read', tags: ['metrics'], response: { 200: z.object({ metrics: z.array(metricSummarySchema) }), ...viewerErrors } } },
    async (request) => {
      const { scope } = viewerOf(request);
      const metrics = [...project.metrics.values()].filter((metric) => canSeeMetric(scope, metric.id));
      return { metrics: metrics.map((metric) => metricSummary(metric, project.owners.ownership.find((o) => o.metric === metric.id))) };
    },
  );

  typed.get(
    '/api/metrics/:id',
    {
      schema: {
        summary: 'One metric: definition summary, RACI, target, threshold, playbook, and the stored slices you can read',
        tags: ['metrics'],
        params: idParam,
        querystring: z.strictObject({ grain: grainSchema.optional() }),
        response: {
          200: metricSummarySchema.extend({
            consulted: z.array(z.string()),
            informed: z.array(z.string()),
            threshold: z.object({ value: z.number().optional(), margin: z.number().optional() }).nullable(),
            playbook: z.object({ action: z.string(), due: z.string() }).nullable(),
            grain: grainSchema,
            slices: z.array(sliceSchema).describe('the stored slices at this grain that you can read ({} is the total)'),
          }),
          ...viewerErrors,
        },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { metric, ownership } = visibleMetric(context, viewer, request.params.id);
      const grain = request.query.grain ?? project.config.sync.grains[0]!;
      const slices = (await listSlices(context.store, metric.id, grain)).filter((slice) => canSeeSlice(viewer.scope, slice));
      return {
        ...metricSummary(metric, ownership),
        consulted: ownership?.consulted ?? [],
        informed: ownership?.informed ?? [],
        threshold: ownership?.threshold ?? null,
        playbook: ownership?.playbook ? { action: ownership.playbook.action, due: ownership.playbook.due.text } : null,
        grain,
        slices,
      };
    },
  );
}
