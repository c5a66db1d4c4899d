import { z } from 'zod';

/** Every error body: a stable code, a message naming what was wrong, and the field at fault when there is one. */
export const errorSchema = z.object({
  error: z.string().describe('a stable code: bad_request, unauthorized, forbidden, not_found, too_many_requests …'),
  message: z.string(),
  field: z.string().optional().describe('where the fault is: body.password, querystring.grain, params.id …'),
});

/** The error responses of a route that needs a signed-in viewer. */
export const viewerErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** A metric, tree or person id as the definition files write them; longer text cannot name one. */
export const idParam = z.object({ id: z.string().min(1).max(200) });

/** 'YYYY-MM-DD', a real day. */
export const dateSchema = z.iso.date();
