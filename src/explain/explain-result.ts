import type { Unavailable } from '../analysis/index.js';
import type { ValueFormat } from '../model/index.js';
import type { SplitMethod } from './formula/formula-split.js';
import type { SliceCause } from './slices/slice-cause.js';
import type { SliceExplanation } from './slices/explain-slices.js';

export interface Owner {
  id: string;
  name: string;
  /** Whether the person answers for the slice (sliceOwners) or for the metric (its RACI responsible). */
  via: 'slice' | 'metric';
  accountable: { id: string; name: string } | null;
  consulted: string[];
  informed: string[];
}

export interface FormulaExplanation {
  ok: true;
  text: string;
  method: SplitMethod;
  note?: string;
  /** Each child's exact part of this node's change (the formula's change). */
  parts: { metric: string; contribution: number }[];
  /** The node's own change minus its formula's change: non-zero when the stored values disagree with the formula. */
  residual: number;
}

/** The statistical effect of a driver's change on its parent: an estimate, never part of the exact shares. */
export interface DriverEffect {
  ok: true;
  metric: string;
  lag: { periods: number; text: string | null };
  driverChange: number;
  driverChangePercent: number | null;
  /** weight × the driver's change, with the weight's interval scaled the same way. */
  expected: number;
  lower: number;
  upper: number;
  se: number;
  /** expected over the parent's change (null when the parent did not change). */
  shareOfParent: number | null;
  /** The weight's interval excludes 0. */
  significant: boolean;
  /** The fitted weight's sign matches the tree's sign for the edge. */
  signAgrees: boolean;
  r: number | null;
  p: number | null;
  /** The driver's own change, explained (contributions in it are parts of the driver's change). */
  explanation: NodeExplanation;
}

export interface NodeExplanation {
  metric: string;
  name: string;
  format: ValueFormat;
  /** 'unavailable': no value in a period (reason says which); nothing below is computed. */
  status: 'ok' | 'unavailable';
  reason?: string;
  baseline: number | null;
  current: number | null;
  change: number | null;
  /** Relative change; null when the baseline is 0. */
  changePercent: number | null;
  /** true: the current value is inside its band of normal variation; null: no band was given. */
  noise: boolean | null;
  /** Exact part of the explained metric's change, chained down formula edges; null where the chain breaks. */
  contribution: number | null;
  share: number | null;
  formula: FormulaExplanation | Unavailable | null;
  children: NodeExplanation[];
  drivers: (DriverEffect | (Unavailable & { metric: string }))[];
  slices: SliceExplanation | Unavailable | null;
  owner: Owner | null;
}

/** A root-cause path: from the explained metric down formula edges to a metric, its slice and its owner. */
export interface CausePath {
  metrics: string[];
  metric: string;
  contribution: number;
  share: number | null;
  noise: boolean | null;
  /** The slice carrying most of this metric's own change, and the part of that change it carries. */
  slice: SliceCause | null;
  /** Estimated, apart from the shares: significant drivers whose expected effect moved this metric the same way. */
  drivers: DriverEffect[];
  owner: Owner | null;
}

export interface Explanation {
  ok: true;
  tree: string;
  metric: string;
  periods: { baseline: string; current: string } | null;
  root: NodeExplanation;
  /** Ranked by contribution in the direction of the change; offsetting paths last. */
  paths: CausePath[];
  summary: string;
  /** What the exact part could not explain, in words: missing values, unsplittable formulas, residuals, slices that do not fit. A driver without a fitted edge or values keeps its reason on itself. */
  problems: string[];
}
