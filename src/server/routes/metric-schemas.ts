import { z } from 'zod';
import { metricLabel, type Metric, type Ownership } from '../../model/index.js';

export const metricSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.string(),
  format: z.string(),
  owner: z.string().nullable().describe('the person responsible (RACI R)'),
  accountable: z.string().nullable(),
  target: z.object({ value: z.number(), direction: z.enum(['higher', 'lower']) }).nullable(),
  review: z.string().nullable(),
});

export function metricSummary(metric: Metric, ownership: Ownership | undefined): z.infer<typeof metricSummarySchema> {
  return {
    id: metric.id,
    name: metricLabel(metric),
    description: metric.description ?? null,
    kind: metric.kind,
    format: metric.format,
    owner: ownership?.responsible ?? null,
    accountable: ownership?.accountable ?? null,
    target: ownership?.target ? { value: ownership.target.value, direction: ownership.target.direction } : null,
    review: ownership?.review ?? null,
  };
}
