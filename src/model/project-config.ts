import { z } from 'zod';
import { durationSchema, idSchema } from './schema-parts.js';

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** How periods are cut: the first day of a week, the month a fiscal year starts, the reporting time zone. */
export const calendarSchema = z.strictObject({
  week_start: z.enum(weekdays).default('monday'),
  fiscal_year_start_month: z.number().int().min(1).max(12).default(1),
  timezone: z
    .string()
    .refine(isTimeZone, { message: 'expected an IANA time zone such as "UTC" or "America/New_York"' })
    .default('UTC'),
});

export type Calendar = z.infer<typeof calendarSchema>;

const warehouseObjectSchema = z.strictObject({
  url: z.string().min(1),
  /** Schema used for tables named without one. */
  schema: z.string().min(1).optional(),
  /** Name of the environment variable holding the password; the file never holds it. */
  password_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable')
    .optional(),
  statement_timeout: durationSchema.optional(),
});

export const warehouseConfigSchema = z
  .union([z.string().min(1), warehouseObjectSchema])
  .transform((value) => (typeof value === 'string' ? { url: value } : value));

export type WarehouseConfig = z.infer<typeof warehouseConfigSchema>;

export const projectConfigSchema = z.strictObject({
  name: idSchema.or(z.string().min(1)),
  description: z.string().optional(),
  warehouse: warehouseConfigSchema,
  store: z.strictObject({ url: z.string().min(1).optional() }).optional(),
  calendar: calendarSchema.default({ week_start: 'monday', fiscal_year_start_month: 1, timezone: 'UTC' }),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
