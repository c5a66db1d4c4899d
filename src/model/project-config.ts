import { Cron } from 'croner';
import { z } from 'zod';
import { notifyConfigSchema } from './notify-config.js';
import { durationSchema, envNameSchema, grainSchema, idSchema } from './schema-parts.js';

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
  password_env: envNameSchema.optional(),
  statement_timeout: durationSchema.optional(),
});

export const warehouseConfigSchema = z
  .union([z.string().min(1), warehouseObjectSchema])
  .transform((value) => (typeof value === 'string' ? { url: value } : value));

export type WarehouseConfig = z.infer<typeof warehouseConfigSchema>;

/** A cron expression (minute hour day month weekday, optionally seconds first), checked by croner. */
export const cronSchema = z.string().refine(
  (text) => {
    try {
      new Cron(text, { paused: true });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a cron expression such as "0 6 * * *" (06:00 every day) or "*/15 * * * *"' },
);

const scheduleSchema = z
  .strictObject({
    cron: cronSchema,
    /** What this schedule keeps current: trees (all their metrics) and single metrics. */
    trees: z.array(idSchema).default([]),
    metrics: z.array(idSchema).default([]),
  })
  .refine((s) => s.trees.length + s.metrics.length > 0, { message: 'a schedule names at least one tree or metric' });

/**
 * How metric history is kept: which grains and slices, how far back, and how much of the recent
 * past is recomputed every run (CRM rows arrive late and get edited).
 */
export const syncConfigSchema = z.strictObject({
  /** Runs for every metric of every tree unless a schedule below claims it. */
  cron: cronSchema.default('0 6 * * *'),
  schedules: z.array(scheduleSchema).default([]),
  grains: z.array(grainSchema).min(1).default(['week', 'month', 'quarter']),
  /** Dimensions kept for every metric that defines them (at most four: every combination is kept). */
  dimensions: z.array(idSchema).max(4).default([]),
  /** The first day of history a full sync computes. */
  history_start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD').optional(),
  /** The trailing window each run recomputes; whole periods of every grain are recomputed. */
  restatement: durationSchema.default({ text: '90 days', seconds: 90 * 86_400 }),
  /** Tries per metric when the warehouse fails in a way that may pass (a dropped connection, a timeout). */
  attempts: z.number().int().min(1).max(10).default(3),
});

export type SyncConfig = z.infer<typeof syncConfigSchema>;

export const projectConfigSchema = z.strictObject({
  name: idSchema.or(z.string().min(1)),
  description: z.string().optional(),
  warehouse: warehouseConfigSchema,
  /** Where metric history is kept: a Postgres URL (or DATABASE_URL); without one, an embedded PGlite in .kpitree/store. */
  store: z.strictObject({ url: z.string().min(1).optional() }).optional(),
  sync: syncConfigSchema.default(syncConfigSchema.parse({})),
  calendar: calendarSchema.default({ week_start: 'monday', fiscal_year_start_month: 1, timezone: 'UTC' }),
  /** Email and webhooks for action plans and digests (the in-app inbox needs nothing). */
  notify: notifyConfigSchema.optional(),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
