import type { Grain } from '../model/index.js';
import { listAnomalies, type Queryable, type Slice } from '../store/index.js';
import type { MetricAnomaly } from './metric-anomaly.js';

/** An anomaly as the monitor finds it: a series, the period flagged, its type and direction. */
export interface FoundAnomaly {
  metric: string;
  grain: Grain;
  slice: Slice;
  period: string;
  type: string;
  direction: 'up' | 'down';
}

/**
 * Anomalies as the trigger "anomaly" reads them: a spike or dip is its own period; a level shift,
 * trend change or drift holds from its period through `through` (the monitor flags each once, and
 * the new level or slope stays).
 */
export function triggerAnomalies(found: readonly FoundAnomaly[], through: string): MetricAnomaly[] {
  return found.map((a) => ({ ...a, ...(a.type === 'spike' || a.type === 'dip' ? {} : { through }) }));
}

/** Every anomaly the monitor stored (explained ones too: they are anomalies of their own series), up to `asOf`. */
export async function readTriggerAnomalies(db: Queryable, asOf: string): Promise<MetricAnomaly[]> {
  const stored = await listAnomalies(db, { includeExplained: true });
  return triggerAnomalies(
    stored.map(({ metric, grain, slice, period, type, direction }) => ({ metric, grain, slice, period, type, direction })),
    asOf.slice(0, 10),
  );
}
