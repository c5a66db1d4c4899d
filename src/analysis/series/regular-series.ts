/** The length of a period of a regular series. */
export type SeriesGrain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * A regular series: one value per period, oldest first, consecutive periods with no gaps in the
 * array. A period without a value is null (never NaN); NaN or Infinity met in input is bad input
 * for a method to report, not a value.
 */
export interface RegularSeries {
  values: readonly (number | null)[];
  /** A label per period (ISO date of its start), the same length as values, when known. */
  timestamps?: readonly string[];
  grain?: SeriesGrain;
}
