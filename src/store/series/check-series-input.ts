import { grainSchema, idSchema } from '../../model/index.js';
import { StoreError } from '../store-error.js';

/** Refuses a metric id, grain or date the store would not keep as given; nothing is written. */
export function checkSeriesKey(metric: string, grain: string): void {
  if (!idSchema.safeParse(metric).success) throw new StoreError('input', `"${metric}" is not a metric id (snake_case: lower-case letters, digits and _).`);
  if (!grainSchema.safeParse(grain).success) throw new StoreError('input', `"${grain}" is not a grain: use day, week, month, quarter or year.`);
}

/** 'YYYY-MM-DD' naming a real day. */
export function checkDate(date: unknown, what: string): string {
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date)) return date;
  }
  throw new StoreError('input', `${what} must be a date written YYYY-MM-DD, got ${JSON.stringify(date)}.`);
}
