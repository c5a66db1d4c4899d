import { z } from 'zod';
import { expressionRefs } from './expression/index.js';
import {
  areaSchema,
  cadenceSchema,
  durationSchema,
  expressionSchema,
  formatSchema,
  idSchema,
  indicatorSchema,
  layerSchema,
} from './schema-parts.js';

export const aggregateKinds = ['count', 'count_distinct', 'sum', 'average', 'min', 'max', 'median', 'percentile'] as const;
export type AggregateKind = (typeof aggregateKinds)[number];

/** Aggregates whose value over a union of periods is the sum of the values: they may be accumulated. */
export const additiveKinds: readonly AggregateKind[] = ['count', 'sum'];

export const snapshotAggregates = ['count', 'count_distinct', 'sum', 'average', 'min', 'max'] as const;
export const toDateGrains = ['week', 'month', 'quarter', 'year', 'all'] as const;

const common = {
  id: idSchema,
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  format: formatSchema.default('number'),
  layer: layerSchema.optional(),
  area: areaSchema.optional(),
  indicator: indicatorSchema.optional(),
  cadence: cadenceSchema.optional(),
  /** The objects (tables) the metric needs, for people reading the catalogue. */
  requires: z.array(z.string()).optional(),
  tags: z.array(z.string()).default([]),
};

const aggregateMetricSchema = z.strictObject({
  ...common,
  kind: z.enum(aggregateKinds),
  dataset: idSchema,
  /** The value aggregated; not needed for count (rows are counted). */
  expr: expressionSchema.optional(),
  /** The timestamp or date that puts a row in a period. */
  time: expressionSchema,
  filter: expressionSchema.optional(),
  /** For kind percentile: a fraction between 0 and 1. */
  percentile: z.number().gt(0).lt(1).optional(),
});

const ratioMetricSchema = z.strictObject({
  ...common,
  kind: z.literal('ratio'),
  numerator: idSchema,
  denominator: idSchema,
});

const formulaMetricSchema = z.strictObject({
  ...common,
  kind: z.literal('formula'),
  /** Arithmetic over other metrics' ids, e.g. "opportunities * average_deal_size * win_rate / sales_cycle_length". */
  expr: expressionSchema,
});

const conversionMetricSchema = z.strictObject({
  ...common,
  kind: z.literal('conversion'),
  /** An event table: one row per entity per state reached (e.g. stage history). */
  dataset: idSchema,
  entity: expressionSchema,
  time: expressionSchema,
  /** Condition of the rows that put an entity in state A; the cohort period is its first such row. */
  from: expressionSchema,
  /** Condition of the rows that count as reaching state B. */
  to: expressionSchema,
  /** B must be reached within this long after A; without it, any time after. */
  window: durationSchema.optional(),
});

const snapshotMetricSchema = z.strictObject({
  ...common,
  kind: z.literal('snapshot'),
  /** A history table: one row per entity per version of its state. */
  dataset: idSchema,
  entity: expressionSchema,
  /** When this version of the row became true. */
  valid_from: expressionSchema,
  /** When it stopped being true; without it, when the entity's next version starts. */
  valid_to: expressionSchema.optional(),
  aggregate: z.enum(snapshotAggregates),
  /** expr and filter may use period_start and period_end (the first day of the next period). */
  expr: expressionSchema.optional(),
  filter: expressionSchema.optional(),
  /** The state at the end of each period (default), or at its start (e.g. the pipeline a period began with). */
  as_of: z.enum(['end', 'start']).default('end'),
});

/** Names a snapshot's expr and filter may use for the period being valued. */
export const snapshotPeriodNames = ['period_start', 'period_end'] as const;

const cumulativeMetricSchema = z.strictObject({
  ...common,
  kind: z.literal('cumulative'),
  /** A count or sum metric to accumulate. */
  of: idSchema,
  /** Period-to-date: restart at each week, month, quarter or (fiscal) year; all = running total. */
  to_date: z.enum(toDateGrains),
});

export const metricSchema = z
  .discriminatedUnion('kind', [
    aggregateMetricSchema,
    ratioMetricSchema,
    formulaMetricSchema,
    conversionMetricSchema,
    snapshotMetricSchema,
    cumulativeMetricSchema,
  ])
  .superRefine((metric, ctx) => {
    // Zod leaves an absent optional field out of its output, so test the value, not the key.
    const aggregated = isAggregateMetric(metric) ? metric : metric.kind === 'snapshot' ? { kind: metric.aggregate, expr: metric.expr } : null;
    if (aggregated && aggregated.kind !== 'count' && aggregated.expr === undefined) {
      const article = /^[aeiou]/.test(aggregated.kind) ? 'an' : 'a';
      ctx.addIssue({ code: 'custom', path: ['expr'], message: `${article} ${aggregated.kind} needs expr: the value to aggregate` });
    }
    if (metric.kind === 'percentile' && metric.percentile === undefined) {
      ctx.addIssue({ code: 'custom', path: ['percentile'], message: 'a percentile metric needs percentile: a fraction such as 0.9' });
    }
    if (metric.kind !== 'percentile' && 'percentile' in metric && metric.percentile !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['percentile'], message: 'percentile applies only to kind: percentile' });
    }
  });

export type Metric = z.infer<typeof metricSchema>;
export type AggregateMetric = z.infer<typeof aggregateMetricSchema>;
export type RatioMetric = z.infer<typeof ratioMetricSchema>;
export type FormulaMetric = z.infer<typeof formulaMetricSchema>;
export type ConversionMetric = z.infer<typeof conversionMetricSchema>;
export type SnapshotMetric = z.infer<typeof snapshotMetricSchema>;
export type CumulativeMetric = z.infer<typeof cumulativeMetricSchema>;

export function isAggregateMetric(metric: { kind: string }): metric is AggregateMetric {
  return (aggregateKinds as readonly string[]).includes(metric.kind);
}

/** The metric ids a metric is computed from. */
export function metricInputs(metric: Metric): string[] {
  switch (metric.kind) {
    case 'ratio':
      return [metric.numerator, metric.denominator];
    case 'cumulative':
      return [metric.of];
    case 'formula':
      return [...new Set(expressionRefs(metric.expr.ast).map((ref) => ref.path.join('.')))];
    default:
      return [];
  }
}

export function metricLabel(metric: Pick<Metric, 'id' | 'name'>): string {
  return metric.name ?? metric.id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
