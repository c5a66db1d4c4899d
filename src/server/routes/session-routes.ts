import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkLogin, createSession, endSession, passwordLength } from '../../access/index.js';
import { roles } from '../../model/index.js';
import { ApiError } from '../api-error.js';
import { errorSchema, viewerErrors } from '../api-schemas.js';
import { sessionCookie, type ServerContext } from '../server-context.js';
import { viewerOf } from '../viewer.js';

const meSchema = z.object({
  person: z.string(),
  name: z.string(),
  role: z.enum(roles),
  team: z.string().nullable(),
  via: z.enum(['session', 'api_token']),
});

/** POST /api/login (public, rate-limited): a session cookie for a right login and password. */
export function registerLogin(app: FastifyInstance, context: ServerContext, rateLimit: { max: number; timeWindowMs: number }): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/login',
    {
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } },
      schema: {
        summary: 'Sign in: sets an HTTP-only session cookie',
        tags: ['session'],
        body: z.strictObject({
          login: z.string().min(1).max(320).describe("owners.yaml's person id or their email"),
          password: z.string().min(1).max(passwordLength.max),
        }),
        response: { 200: meSchema.extend({ expiresAt: z.string() }), 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const user = await checkLogin(context.store, request.body.login, request.body.password);
      if (!user) throw new ApiError(401, 'unauthorized', 'Wrong login or password.');
      const { token, expiresAt } = await createSession(context.store, user.personId, { ttlMs: context.sessionTtlMs, now: context.now() });
      reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'strict', secure: context.secureCookie, path: '/', expires: expiresAt });
      return { person: user.personId, name: user.name, role: user.role, team: user.team, via: 'session' as const, expiresAt: expiresAt.toISOString() };
    },
  );
}

/** GET /api/me and POST /api/logout, for a signed-in viewer. */
export function registerSessionRoutes(api: FastifyInstance, context: ServerContext): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/me', { schema: { summary: 'Who is signed in', tags: ['session'], response: { 200: meSchema, ...viewerErrors } } }, async (request) => {
    const { user, via } = viewerOf(request);
    return { person: user.personId, name: user.name, role: user.role, team: user.team, via };
  });
  typed.post('/api/logout', { schema: { summary: 'Sign out: ends the session', tags: ['session'], response: { 204: z.undefined(), ...viewerErrors } } }, async (request, reply) => {
    const viewer = viewerOf(request);
    if (viewer.via === 'session') await endSession(context.store, viewer.token);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.code(204).send();
  });
}
