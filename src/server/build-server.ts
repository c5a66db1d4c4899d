import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { defaultSessionTtlMs } from '../access/index.js';
import type { Project } from '../model/index.js';
import type { Store } from '../store/index.js';
import { ApiError } from './api-error.js';
import { handleError } from './handle-error.js';
import { rejectNulCharacters } from './reject-nul.js';
import { registerHealth } from './routes/health-route.js';
import { registerMetricRoutes } from './routes/metric-routes.js';
import { registerRunRoutes } from './routes/run-routes.js';
import { registerSeriesRoute } from './routes/series-route.js';
import { registerLogin, registerSessionRoutes } from './routes/session-routes.js';
import { registerTreeRoutes } from './routes/tree-routes.js';
import { sessionCookie, type ServerContext } from './server-context.js';
import { identifyViewer } from './viewer.js';

export interface ServerOptions {
  project: Project;
  store: Store;
  now?: () => Date;
  sessionTtlMs?: number;
  secureCookie?: boolean;
  /** Login attempts allowed per client address in each window (default 10 a minute). */
  loginRateLimit?: { max: number; timeWindowMs: number };
  /** Fastify's logger (default: off; `kpitree serve` logs requests as JSON lines). */
  logger?: FastifyServerOptions['logger'];
}

/** Request bodies are small JSON documents (a login); anything larger is refused before it is read. */
const bodyLimit = 16 * 1024;

/**
 * The HTTP API: zod schemas validate every request and generate the OpenAPI document at
 * /openapi.json. Every route under /api except login and health needs a viewer (session cookie or
 * bearer token) and answers within the viewer's scope.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const context: ServerContext = {
    project: options.project,
    store: options.store,
    now: options.now ?? (() => new Date()),
    sessionTtlMs: options.sessionTtlMs ?? defaultSessionTtlMs,
    secureCookie: options.secureCookie ?? false,
  };
  // Ids are checked by the routes' schemas (which name the field), not cut short by the router.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit, routerOptions: { maxParamLength: 1_000 } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw new ApiError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
  app.decorateRequest('viewer', null);
  app.addHook('preValidation', rejectNulCharacters);
  // Answers are one person's view: no shared cache may keep them, and no browser may guess their type.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'kpitree API', version: '0.1.0', description: 'KPI trees, metrics and their stored series, within what the signed-in person may read.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  registerHealth(app, context);
  registerLogin(app, context, options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 });
  await app.register(async (api) => {
    api.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, security: [{ session: [] }, { token: [] }] };
    });
    api.addHook('onRequest', async (request) => {
      request.viewer = await identifyViewer(request, context);
    });
    registerSessionRoutes(api, context);
    registerTreeRoutes(api, context);
    registerMetricRoutes(api, context);
    registerSeriesRoute(api, context);
    registerRunRoutes(api, context);
  });
  return app;
}
