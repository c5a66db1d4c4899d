import type { Grain } from '../../model/index.js';
import type { Slice } from '../series/series-types.js';

export interface ForecastPointRecord {
  /** The period forecast ('YYYY-MM-DD'), `step` periods after the origin. */
  period: string;
  step: number;
  value: number;
  lower: number;
  upper: number;
}

/** A forecast as issued after a sync. */
export interface ForecastRecord {
  metric: string;
  grain: Grain;
  slice: Slice;
  /** The last period the model saw. */
  originPeriod: string;
  runId: number;
  model: Record<string, unknown>;
  /** The prediction intervals' level (0.95). */
  level: number;
  /** MASE's denominator at issue; null when the history has no naive error. */
  naiveScale: number | null;
  warnings: string[];
  points: ForecastPointRecord[];
}

export interface StoredForecastPoint extends ForecastPointRecord {
  /** The stored value of the period once it is over; null until then. */
  actual: number | null;
}

export interface StoredForecast extends Omit<ForecastRecord, 'points'> {
  id: number;
  issuedAt: string;
  points: StoredForecastPoint[];
}

/** A forecast point whose actual has landed, with what scoring it needs. */
export interface ScoredPoint extends StoredForecastPoint {
  metric: string;
  grain: Grain;
  originPeriod: string;
  naiveScale: number | null;
}
