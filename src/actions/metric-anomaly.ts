import type { Grain } from '../model/index.js';
import type { Slice } from '../store/index.js';

/**
 * An anomaly found in a stored series (by the monitor's detectAnomalies), as the trigger
 * "anomaly" reads it. A drift runs from `period` through `through`.
 */
export interface MetricAnomaly {
  metric: string;
  grain: Grain;
  /** Default {} (the total). */
  slice?: Slice;
  /** The period's first day, 'YYYY-MM-DD'. */
  period: string;
  through?: string;
  direction: 'up' | 'down';
  type: string;
}
