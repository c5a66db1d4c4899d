import type { FastifyRequest } from 'fastify';
import { authenticate, viewScope, type User, type ViewScope } from '../access/index.js';
import { ApiError } from './api-error.js';
import { sessionCookie, type ServerContext } from './server-context.js';

/** Who is asking, and what they may read. */
export interface Viewer {
  user: User;
  scope: ViewScope;
  via: 'session' | 'api_token';
  /** The token presented (to end the session on logout). */
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/**
 * The viewer of a request from `Authorization: Bearer <token>` (an API token or a session token)
 * or the session cookie; 401 when there is none or it is not valid. The scope comes from
 * owners.yaml as loaded, so that the file stays the source of truth.
 */
export async function identifyViewer(request: FastifyRequest, context: ServerContext): Promise<Viewer> {
  const token = presentedToken(request);
  if (!token) throw new ApiError(401, 'unauthorized', 'Sign in first (POST /api/login), or send an API token as "Authorization: Bearer <token>".');
  const found = await authenticate(context.store, token, context.now());
  const scope = found && viewScope(context.project.owners, found.user.personId);
  if (!found || !scope) throw new ApiError(401, 'unauthorized', 'The session or API token is not valid (expired, signed out or revoked): sign in again.');
  return { user: found.user, scope, via: found.via, token };
}

function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiError(401, 'unauthorized', 'The Authorization header must read "Bearer <token>".', 'headers.authorization');
    return match[1];
  }
  return request.cookies[sessionCookie] || undefined;
}

/** The viewer set by the API's onRequest hook; routes under it always have one. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new ApiError(401, 'unauthorized', 'Sign in first.');
  return request.viewer;
}
