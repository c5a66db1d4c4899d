import type { Grain } from '../../model/index.js';
import type { Slice } from '../series/series-types.js';

export type AnomalyKind = 'spike' | 'dip' | 'level_shift' | 'trend_change' | 'drift';
/** What an anomaly's identity keeps of its type: a spike and a dip at one period are the same finding. */
export type AnomalyFamily = 'point' | 'level_shift' | 'trend_change' | 'drift';

export function anomalyFamily(type: AnomalyKind): AnomalyFamily {
  return type === 'spike' || type === 'dip' ? 'point' : type;
}

/** One anomaly as the analysis writes it, for a slice of a metric at a grain. */
export interface AnomalyRecord {
  slice: Slice;
  /** The period flagged ('YYYY-MM-DD'): a change's first period, a drift's start. */
  period: string;
  type: AnomalyKind;
  direction: 'up' | 'down';
  observed: number;
  expected: number;
  lower: number;
  upper: number;
  score: number;
  pValue: number;
  /** Benjamini–Hochberg q of its series among every series analysed with it. */
  seriesQ: number;
  /** Size of a shift, slopes of a trend change, a drift's length and rules. */
  details: Record<string, unknown>;
  /** The anomaly that fully explains this one, as "metric|slice_key"; null when none does. */
  explainedBy: string | null;
}

export interface StoredAnomaly extends AnomalyRecord {
  metric: string;
  grain: Grain;
  sliceKey: string;
  family: AnomalyFamily;
  firstRunId: number;
  lastRunId: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** Whether the analysis could judge a series, and why not. */
export interface SeriesCheck {
  slice: Slice;
  status: 'judged' | 'insufficient';
  reason: string | null;
  periods: number;
  lastPeriod: string | null;
}

export interface StoredSeriesCheck extends SeriesCheck {
  metric: string;
  grain: Grain;
  runId: number;
  checkedAt: string;
}
