import type { Grain } from '../../model/index.js';

/** Dimension values of one slice, e.g. { region: 'EMEA', segment: null }; {} is the total. */
export type Slice = Record<string, string | null>;

/** One value as a metric query gives it (the shape of semantic's MetricRow). */
export interface SeriesRow {
  /** The period's first day, 'YYYY-MM-DD'. */
  period: string;
  slice: Slice;
  value: number | null;
}

/** A stored value, with when and by which sync run it was computed. */
export interface StoredSeriesRow extends SeriesRow {
  /** ISO UTC timestamp. */
  computedAt: string;
  runId: number;
}

/** A metric at one grain: what a series is keyed by. */
export interface SeriesKey {
  metric: string;
  grain: Grain;
}
