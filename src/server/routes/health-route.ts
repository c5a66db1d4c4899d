import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerContext } from '../server-context.js';

/** GET /api/health (public, for load balancers): the store answers. Says nothing else about the deployment. */
export function registerHealth(app: FastifyInstance, context: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { summary: 'Liveness: the store answers', tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => {
      await context.store.query('SELECT 1');
      return { status: 'ok' as const };
    },
  );
}
