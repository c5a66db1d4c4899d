import type { InfluenceEdge } from '../analysis/index.js';
import type { Metric, Owners, Tree } from '../model/index.js';
import type { SliceOptions } from './slices/explain-slices.js';
import type { SliceRows } from './slices/slice-rows.js';

/** One metric's values, as the caller read them from stored series. */
export interface NodeValues {
  /** The value in the baseline (prior period, same period last year, a chosen period or the forecast) and now; null: no data. */
  baseline: number | null;
  current: number | null;
  /** Normal variation for the current value (a forecast interval, or baseline ± k·sd from history): inside it, the change is noise. */
  band?: { lower: number; upper: number };
  /** The same values by slice, for the search across dimensions. */
  slices?: SliceRows;
}

/** A fitted influence edge (fitInfluenceEdges) for a driver → parent edge of the tree. */
export interface InfluenceInput {
  edge: InfluenceEdge;
  /** The driver's values `edge.lag` periods before the baseline and the current period; without them, `values[driver]` is used. */
  driver?: NodeValues;
}

/** A person who answers for a slice: e.g. the EMEA sales director for region = EMEA. */
export interface SliceOwner {
  dimension: string;
  value: string;
  person: string;
}

export interface ExplainInput {
  tree: Tree;
  /** Metric definitions by id (a loaded project's `metrics`), for names and number formats. */
  metrics: ReadonlyMap<string, Pick<Metric, 'id' | 'name' | 'format'>>;
  /** By metric id: every tree node's values (missing ones are reported, not guessed). */
  values: Readonly<Record<string, NodeValues | undefined>>;
  owners?: Owners;
  influences?: readonly InfluenceInput[];
  sliceOwners?: readonly SliceOwner[];
  /** The metric to explain, any node of the tree (default: the root). */
  metric?: string;
  /** Period names for the summary ("2026-Q2", "2026-Q3"). */
  periods?: { baseline: string; current: string };
  /** Bounds of the search across dimensions (depth, pruning share, how many causes). */
  sliceSearch?: SliceOptions;
}
