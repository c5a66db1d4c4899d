import { forecastAccuracy } from '../analysis/index.js';
import type { Grain, Owners } from '../model/index.js';
import type { ScoredPoint } from '../store/index.js';

export interface Accuracy {
  /** Forecast points whose actual has landed. */
  points: number;
  /** Mean of the seed's 1 − |forecast − actual| / actual over points with a positive actual. */
  accuracy: number | null;
  /** Mean absolute error over each forecast's naive scale at issue (< 1 beats the naive forecast). */
  mase: number | null;
  /** Share of actuals inside their prediction interval. */
  coverage: number | null;
}

export interface MetricAccuracy extends Accuracy {
  metric: string;
  grain: Grain;
  /** The responsible person of owners.yaml, when the metric has one. */
  owner: string | null;
}

export interface OwnerAccuracy extends Accuracy {
  /** A person of owners.yaml, responsible or accountable for the metrics. */
  owner: string;
  grain: Grain;
  metrics: string[];
}

/** Accuracy, MASE and coverage of scored forecast points. */
export function summarizeAccuracy(points: readonly ScoredPoint[]): Accuracy {
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  return {
    points: points.length,
    accuracy: mean(points.map((p) => forecastAccuracy(p.value, p.actual!))),
    mase: mean(points.map((p) => (p.naiveScale ? Math.abs(p.actual! - p.value) / p.naiveScale : null))),
    coverage: points.length > 0 ? points.filter((p) => p.actual! >= p.lower && p.actual! <= p.upper).length / points.length : null,
  };
}

/** One row per metric and grain, with its responsible owner. */
export function accuracyByMetric(points: readonly ScoredPoint[], owners: Owners): MetricAccuracy[] {
  const responsible = new Map(owners.ownership.map((o) => [o.metric, o.responsible]));
  return [...group(points, (p) => `${p.metric}|${p.grain}`).values()].map((list) => ({
    metric: list[0]!.metric,
    grain: list[0]!.grain,
    owner: responsible.get(list[0]!.metric) ?? null,
    ...summarizeAccuracy(list),
  }));
}

/** One row per person and grain over every metric they are responsible or accountable for (RACI). */
export function accuracyByOwner(points: readonly ScoredPoint[], owners: Owners): OwnerAccuracy[] {
  const owned = new Map<string, Set<string>>();
  for (const o of owners.ownership) {
    for (const person of [o.responsible, o.accountable]) if (person) owned.set(person, (owned.get(person) ?? new Set()).add(o.metric));
  }
  const rows: OwnerAccuracy[] = [];
  for (const [owner, metrics] of owned) {
    for (const list of group(points.filter((p) => metrics.has(p.metric)), (p) => p.grain).values()) {
      rows.push({ owner, grain: list[0]!.grain, metrics: [...new Set(list.map((p) => p.metric))].sort(), ...summarizeAccuracy(list) });
    }
  }
  return rows.sort((a, b) => a.owner.localeCompare(b.owner) || a.grain.localeCompare(b.grain));
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
