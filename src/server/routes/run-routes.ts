import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSeeMetric } from '../../access/index.js';
import { listRuns, readRun, type SyncRun } from '../../store/index.js';
import { ApiError } from '../api-error.js';
import { viewerErrors } from '../api-schemas.js';
import type { ServerContext } from '../server-context.js';
import { viewerOf, type Viewer } from '../viewer.js';

const runSchema = z.object({
  id: z.number(),
  trigger: z.enum(['manual', 'schedule', 'backfill']),
  status: z.enum(['running', 'succeeded', 'partial', 'failed', 'interrupted']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  metricsPlanned: z.number().nullable(),
  metricsSucceeded: z.number(),
  metricsFailed: z.number(),
  rowsWritten: z.number(),
  error: z.string().nullable(),
  failures: z.array(z.object({ metric: z.string(), error: z.string(), sql: z.string().nullable().describe('admins only'), attempts: z.number(), finishedAt: z.string() })),
});

/**
 * A run as the viewer may see it: failures of the metrics they can read; the failed SQL (which
 * names tables and columns) for admins only.
 */
function runView(run: SyncRun, viewer: Viewer): z.infer<typeof runSchema> {
  const failures = run.failures
    .filter((failure) => canSeeMetric(viewer.scope, failure.metric))
    .map(({ metric, error, sql, attempts, finishedAt }) => ({ metric, error, sql: viewer.user.role === 'admin' ? sql : null, attempts, finishedAt }));
  const { id, trigger, status, startedAt, finishedAt, metricsPlanned, metricsSucceeded, metricsFailed, rowsWritten, error } = run;
  return { id, trigger, status, startedAt, finishedAt, metricsPlanned, metricsSucceeded, metricsFailed, rowsWritten, error, failures };
}

/** GET /api/runs and GET /api/runs/:id: sync runs, newest first. */
export function registerRunRoutes(api: FastifyInstance, context: ServerContext): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/runs',
    {
      schema: {
        summary: 'Recent sync runs with the failures of metrics you can read',
        tags: ['runs'],
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: z.object({ runs: z.array(runSchema) }), ...viewerErrors },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      return { runs: (await listRuns(context.store, { limit: request.query.limit })).map((run) => runView(run, viewer)) };
    },
  );
  typed.get(
    '/api/runs/:id',
    {
      schema: {
        summary: 'One sync run',
        tags: ['runs'],
        params: z.strictObject({ id: z.string().regex(/^[1-9]\d{0,14}$/, 'expected a run number') }),
        response: { 200: runSchema, ...viewerErrors },
      },
    },
    async (request) => {
      const run = await readRun(context.store, Number(request.params.id));
      if (!run) throw new ApiError(404, 'not_found', `No sync run ${request.params.id}.`, 'params.id');
      return runView(run, viewerOf(request));
    },
  );
}
