import { adjustPValues } from '../multiple-testing.js';
import type { Anomaly, DetectionResult } from './types.js';

export interface SeriesSelection {
  /** The series key (a metric, a metric × slice …). */
  key: string;
  /** Benjamini–Hochberg adjusted p-value of the series' own evidence (its seriesPValue). */
  seriesQValue: number;
  /** The series' anomalies that pass the within-series level alpha·R/S. */
  anomalies: Anomaly[];
}

/**
 * Multiple testing across the many series of a tree (Benjamini & Bogomolov 2014, selective
 * inference over families): each series that could be judged is one family, tested by its
 * seriesPValue; Benjamini–Hochberg over the S series selects the R with q ≤ alpha; within a
 * selected series an anomaly stays when its p-value ≤ alpha·R/S. This keeps the expected share
 * of false discoveries among the reported anomalies, averaged over selected series, under alpha.
 * Series that could not be judged are neither tested nor counted. Returns the selected series only,
 * in input order.
 */
export function selectAcrossSeries(results: Readonly<Record<string, DetectionResult>>, alpha: number): SeriesSelection[] {
  const judged = Object.entries(results).flatMap(([key, result]) => (result.status === 'ok' ? [{ key, result }] : []));
  if (judged.length === 0) return [];
  const q = adjustPValues(
    judged.map((s) => s.result.seriesPValue),
    'bh',
  );
  const selected = judged.filter((_, i) => q[i]! <= alpha).length;
  const level = (alpha * selected) / judged.length;
  return judged.flatMap(({ key, result }, i) => {
    if (q[i]! > alpha) return [];
    return [{ key, seriesQValue: q[i]!, anomalies: result.anomalies.filter((a) => a.pValue <= level) }];
  });
}
