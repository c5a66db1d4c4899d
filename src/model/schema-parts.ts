import { z } from 'zod';
import { parseDuration } from './duration.js';
import { ExpressionError, parseExpression, type Expression } from './expression/index.js';

/** Ids are snake_case so that they read the same in YAML, SQL aliases, URLs and formulas. */
export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an id is snake_case: lower-case letters, digits and _, starting with a letter');

/** The name of an environment variable: secrets are read from the environment, never written in files. */
export const envNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable');

export const cadenceSchema = z.enum(['daily', 'weekly', 'monthly', 'quarterly']);
export const grainSchema = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export const layerSchema = z.enum(['outreach', 'pipeline_health', 'conversion_quality', 'revenue_retention']);
export const areaSchema = z.enum(['acquisition', 'conversion', 'activation', 'retention', 'expansion', 'operations']);
export const indicatorSchema = z.enum(['leading', 'lagging']);
export const formatSchema = z.enum(['number', 'integer', 'currency', 'percent', 'days', 'hours']);

export type Cadence = z.infer<typeof cadenceSchema>;
export type Grain = z.infer<typeof grainSchema>;
export type Layer = z.infer<typeof layerSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ValueFormat = z.infer<typeof formatSchema>;

/** An expression field: the text is parsed at load time; a syntax error carries its offset. */
export const expressionSchema = z.string().transform((text, ctx): Expression => {
  try {
    return { text, ast: parseExpression(text) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, params: { offset: error.offset } });
    return z.NEVER;
  }
});

export const durationSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const duration = typeof value === 'number' ? null : parseDuration(value);
  if (!duration) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as "24h", "3 days" or "4 weeks", got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return duration;
});
