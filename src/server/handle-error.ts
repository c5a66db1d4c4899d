import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { StoreError } from '../store/index.js';
import { ApiError } from './api-error.js';

const codes: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'too_many_requests' };

/**
 * Every error as `{ error, message, field? }`: what the client got wrong is a 4xx naming the field
 * (validation, malformed JSON, a body too large, too many logins); anything else is a 500 whose
 * details go to the log only.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0]!;
    const field = [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.');
    return reply.code(400).send({ error: 'bad_request', message: `${field}: ${issue.message}`, field });
  }
  if (error instanceof ApiError) return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
  if (error instanceof StoreError && error.kind === 'input') return reply.code(400).send({ error: 'bad_request', message: error.message });
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const field = status === 413 || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'body' : undefined;
    return reply.code(status).send({ error: codes[status] ?? 'bad_request', message: error.message, ...(field ? { field } : {}) });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal', message: 'The server failed on this request; the details are in its log.' });
}
