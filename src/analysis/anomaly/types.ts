import type { SeriesGrain } from '../series/index.js';
import type { Sensitivity } from './sensitivity.js';

/**
 * - spike / dip: one period far above / below what trend and season expect;
 * - level_shift: the level moves and stays (flagged once, at the first period of the new level);
 * - trend_change: the slope changes (flagged once, at the hinge);
 * - drift: a gentle, ongoing departure from the usual path (CUSUM), flagged at its start.
 */
export type AnomalyType = 'spike' | 'dip' | 'level_shift' | 'trend_change' | 'drift';

export interface Anomaly {
  type: AnomalyType;
  direction: 'up' | 'down';
  /** Index of the period in the input (0-based), and its timestamp when the input had them. */
  index: number;
  timestamp?: string;
  /** The value at the period, and what trend and season expected there. */
  observed: number;
  expected: number;
  /** The band of expected values at the chosen sensitivity. */
  lower: number;
  upper: number;
  /** Severity: the test statistic in standard deviations of the noise (larger is stranger). */
  score: number;
  /** The p-value of the test that flagged it, adjusted within the series (see README). */
  pValue: number;
  /** Level shift: the size of the move; trend change: slope before and after (per period). */
  shift?: number;
  slopeBefore?: number;
  slopeAfter?: number;
  /** Drift: how many periods so far (through the latest), and the run rules it also breaks; its observed, expected and band are the latest period's. */
  periods?: number;
  rules?: string[];
}

export interface DetectOptions {
  /** low, medium (default) or high, or the significance level itself (0 < alpha < 0.5). */
  sensitivity?: Sensitivity | number;
  /** Periods per season; null or 1 for none; inferred from the grain when left out. */
  seasonLength?: number | null;
  /** The grain, for season inference (a RegularSeries may carry it). */
  grain?: SeriesGrain;
  /** STL's seasonal window (odd, ≥ 7) or 'periodic'; default: 7 with 7 seasons or more, else periodic. */
  seasonalWindow?: number | 'periodic';
  /**
   * The generalized ESD on the remainder: 'classic' (mean and sd, the default: the fit has already
   * set outliers aside, and it holds alpha) or 'robust' (median and MAD: flags more, as MAD's own
   * noise makes Rosner's critical values too low, e.g. 8.6% of clean 60-period series at alpha 0.01).
   */
  esd?: 'classic' | 'robust';
  /** Largest share of the periods that may be flagged as spikes or dips (default 0.1). */
  maxOutlierShare?: number;
  /** Watch the latest periods for slow drift (default true). */
  drift?: boolean;
}

export type DetectionResult = Detection | InsufficientSeries;

export interface InsufficientSeries {
  status: 'insufficient';
  /** What cannot be judged yet, and why, in a sentence. */
  reason: string;
  notes: string[];
}

export interface Detection {
  status: 'ok';
  /** 'stl': robust STL; 'trend': a robust trend only (fewer than two full seasons, or no season). */
  method: 'stl' | 'trend';
  seasonLength: number | null;
  alpha: number;
  anomalies: Anomaly[];
  /** For every input period: what was expected and the band at the sensitivity (missing periods too; null before the first and after the last value). */
  expected: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** The robust standard deviation of the noise (remainder). */
  sigma: number;
  /** The smallest p-value of any test run on the series (Bonferroni over its families): its evidence of anything unusual, for multiple testing across series. */
  seriesPValue: number;
  /** What was done and what could not be judged: gaps, fallbacks, season inference. */
  notes: string[];
}
