import { z } from 'zod';
import { DemoError } from './demo-error.js';
import { incidentKinds, type IncidentSpec } from './incidents.js';

/**
 * An incidents file: JSON, either a list of incidents or { "incidents": [...] }. Each names its
 * kind, slice, size and start (an ISO date or a week number of the span), e.g.
 * { "kind": "win_rate", "slice": { "region": "NA" }, "size": -0.25, "start": 40, "end": 60 }.
 */

const week = z.union([z.string(), z.number()]);
const incidentSchema = z.strictObject({
  id: z.string().min(1).optional(),
  kind: z.enum(incidentKinds),
  description: z.string().optional(),
  slice: z.strictObject({ region: z.string(), segment: z.string(), rep: z.string(), lead_source: z.string() }).partial().optional(),
  size: z.number(),
  start: week,
  end: week.nullable().optional(),
  from_stage: z.string().optional(),
  to_stage: z.string().optional(),
  team: z.enum(['AE', 'SDR']).optional(),
});
const fileSchema = z.union([z.array(incidentSchema), z.strictObject({ incidents: z.array(incidentSchema) })]);

export function parseIncidentFile(text: string, path: string): IncidentSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DemoError('input', `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new DemoError('input', `${path} is not a list of incidents`, details);
  }
  return (Array.isArray(parsed.data) ? parsed.data : parsed.data.incidents) as IncidentSpec[];
}
