import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

/**
 * Refuses any string holding a NUL character, wherever it is (Postgres text cannot store one, and
 * no name or value of ours contains one): a 400 naming the field, before a route runs.
 */
export async function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
    const field = nulField(value, part);
    if (field) throw new ApiError(400, 'bad_request', `${field}: a NUL character (\\u0000) is not allowed.`, field);
  }
}

function nulField(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulField(inner, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
