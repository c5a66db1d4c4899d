import type { Grain } from '../../model/index.js';

/** The fit of one influence edge of a tree (driver → outcome), or why it could not be fitted. */
export interface InfluenceEdgeRecord {
  driver: string;
  outcome: string;
  status: 'fitted' | 'unavailable';
  reason: string | null;
  /** Periods by which the driver leads the outcome. */
  lag: number | null;
  /** Correlation at that lag (prewhitened), its p adjusted over the lags tried, and BH q across the tree's edges. */
  r: number | null;
  pAdjusted: number | null;
  q: number | null;
  n: number | null;
  /** Outcome units per driver unit (regression on every driver of the outcome), its standard error and p. */
  weight: number | null;
  weightSe: number | null;
  weightP: number | null;
  standardized: number | null;
}

export interface StoredInfluenceEdge extends InfluenceEdgeRecord {
  tree: string;
  grain: Grain;
  runId: number;
  fittedAt: string;
}
