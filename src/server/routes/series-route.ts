import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeSlice, defaultSlices } from '../../access/index.js';
import { grainSchema } from '../../model/index.js';
import { readSeries, type Slice, type StoredSeriesRow } from '../../store/index.js';
import { ApiError } from '../api-error.js';
import { dateSchema, idParam, viewerErrors } from '../api-schemas.js';
import type { ServerContext } from '../server-context.js';
import { sliceParam } from '../slice-param.js';
import { viewerOf } from '../viewer.js';
import { visibleMetric } from '../visible-metric.js';

const pointSchema = z.object({ period: z.string(), value: z.number().nullable(), computedAt: z.string(), runId: z.number() });

/**
 * GET /api/metrics/:id/series: one slice of a metric at a grain, from the store only (never the
 * warehouse). A slice outside the viewer's scope is a 403 and no data.
 */
export function registerSeriesRoute(api: FastifyInstance, context: ServerContext): void {
  api.withTypeProvider<ZodTypeProvider>().get(
    '/api/metrics/:id/series',
    {
      schema: {
        summary: "A metric's stored values at a grain for one slice (from the store, never the warehouse)",
        tags: ['metrics'],
        params: idParam,
        querystring: z.strictObject({ grain: grainSchema.optional(), slice: sliceParam, from: dateSchema.optional(), to: dateSchema.optional() }),
        response: {
          200: z.object({ metric: z.string(), grain: grainSchema, slice: z.record(z.string(), z.string().nullable()), points: z.array(pointSchema) }),
          ...viewerErrors,
        },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { metric } = visibleMetric(context, viewer, request.params.id);
      const { grain = context.project.config.sync.grains[0]!, slice, from, to } = request.query;
      if (from !== undefined && to !== undefined && from > to) throw new ApiError(400, 'bad_request', `querystring.from (${from}) is after querystring.to (${to}).`, 'querystring.from');
      if (slice !== undefined && !canSeeSlice(viewer.scope, slice)) {
        throw new ApiError(403, 'forbidden', 'That slice is outside what you can read (a rep reads their own slice; a manager their branch).', 'querystring.slice');
      }
      const read = (s: Slice) => readSeries(context.store, { metric: metric.id, grain, slice: s, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      let chosen: Slice = slice ?? {};
      let rows: StoredSeriesRow[] = [];
      for (const candidate of slice ? [slice] : defaultSlices(viewer.scope)) {
        chosen = candidate;
        rows = await read(candidate);
        if (rows.length > 0) break;
      }
      return { metric: metric.id, grain, slice: chosen, points: rows.map(({ period, value, computedAt, runId }) => ({ period, value, computedAt, runId })) };
    },
  );
}
