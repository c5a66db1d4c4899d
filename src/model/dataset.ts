import { z } from 'zod';
import { expressionSchema, idSchema } from './schema-parts.js';

/** A column name as the warehouse spells it (quoted in SQL, so any characters but a dot). */
const columnNameSchema = z.string().regex(/^[^.]+$/, 'expected one column name, without a dot');

export const dimensionSchema = z.strictObject({
  name: idSchema,
  /** Defaults to the column of the same name. May use join.column. */
  expr: expressionSchema.optional(),
  description: z.string().optional(),
});

/**
 * A named expression of a dataset, usable by name in its metrics' expressions (and through a
 * join, as join.name). Fields let metrics use one vocabulary while each dataset maps it to its
 * own columns: stage_name may be the column StageName in one warehouse and new_value in another.
 */
export const fieldSchema = z.strictObject({
  name: idSchema,
  expr: expressionSchema,
  description: z.string().optional(),
});

export const joinSchema = z.strictObject({
  /** How expressions of this dataset refer to the joined table: name.column. */
  name: idSchema,
  dataset: idSchema,
  /** Column of this dataset holding the joined dataset's primary key: a many-to-one join. */
  foreign_key: columnNameSchema,
});

export const rollupAggregates = ['count', 'count_distinct', 'sum', 'average', 'min', 'max'] as const;

/**
 * An aggregate over the rows of another dataset that point at this one (a one-to-many relation
 * folded to one value per row): a lead's first activity, an opportunity's number of stage changes.
 * Usable by name in expressions, like a field.
 */
export const rollupSchema = z
  .strictObject({
    name: idSchema,
    dataset: idSchema,
    /** Column of the other dataset holding this dataset's primary key. */
    foreign_key: columnNameSchema,
    aggregate: z.enum(rollupAggregates),
    /** The value aggregated, in the other dataset's terms; not needed for count. */
    expr: expressionSchema.optional(),
    /** Which of the other dataset's rows count. */
    filter: expressionSchema.optional(),
    description: z.string().optional(),
  })
  .refine((rollup) => rollup.aggregate === 'count' || rollup.expr !== undefined, {
    message: 'a rollup other than count needs expr: the value to aggregate',
    path: ['expr'],
  });

/**
 * A dataset is one warehouse table with its row filter, its dimensions and its many-to-one joins.
 * Metrics aggregate over a dataset; joins never fan rows out, so aggregates stay correct.
 */
export const datasetSchema = z.strictObject({
  id: idSchema,
  description: z.string().optional(),
  /** table or schema.table */
  table: z.string().regex(/^[^.]+(\.[^.]+)?$/, 'expected table or schema.table'),
  /** The key other datasets join to; "id" when not given (Salesforce's convention). */
  primary_key: columnNameSchema.optional(),
  /** Rows that count at all, e.g. "not is_deleted". */
  where: expressionSchema.optional(),
  joins: z.array(joinSchema).default([]),
  /** Named expressions for metrics; dimensions are fields too, and are also offered for slicing. */
  fields: z.array(fieldSchema).default([]),
  rollups: z.array(rollupSchema).default([]),
  dimensions: z.array(dimensionSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type DatasetJoin = z.infer<typeof joinSchema>;
export type DatasetField = z.infer<typeof fieldSchema>;
export type DatasetRollup = z.infer<typeof rollupSchema>;
