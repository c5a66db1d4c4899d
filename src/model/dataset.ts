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

export const joinSchema = z.strictObject({
  /** How expressions of this dataset refer to the joined table: name.column. */
  name: idSchema,
  dataset: idSchema,
  /** Column of this dataset holding the joined dataset's primary key: a many-to-one join. */
  foreign_key: columnNameSchema,
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
  dimensions: z.array(dimensionSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type DatasetJoin = z.infer<typeof joinSchema>;
