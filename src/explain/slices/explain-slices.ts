import { unavailable, type Unavailable } from '../../analysis/index.js';
import type { PeriodPair } from '../formula/formula-split.js';
import { buildWaterfall } from './build-waterfall.js';
import { enumerateCandidates } from './enumerate-candidates.js';
import { findParadox } from './find-paradox.js';
import { buildLeafTable, sliceOf } from './leaf-table.js';
import { rankCauses } from './rank-causes.js';
import { rippleScorer } from './ripple-score.js';
import { scoreDimensions, type DimensionScore } from './score-dimensions.js';
import { toSliceCause, type SliceCause } from './slice-cause.js';
import type { Slice, SliceRows } from './slice-rows.js';

export interface SliceOptions {
  /** Most dimensions combined in one cause (default 3). */
  maxDepth?: number;
  /** Share of the change a slice must carry to be kept and refined (default 0.05). */
  minShare?: number;
  /** A slice is narrowed to a better-fitting one inside it carrying this much of its part (default 0.5). */
  concentration?: number;
  /** How many ranked causes to return (default 10) and waterfall steps before "every other slice" (default 5). */
  maxCauses?: number;
  maxSteps?: number;
  /** Stop after looking at this many slices (default 200,000). */
  maxCandidates?: number;
}

export interface WaterfallStep {
  /** null: every slice not named in an earlier step. */
  slice: Slice | null;
  contribution: number;
}

export interface SliceExplanation {
  ok: true;
  kind: SliceRows['kind'];
  dimensions: string[];
  change: number;
  /** Adtributor's ranking of single dimensions. */
  dimensionScores: DimensionScore[];
  /** Slices of up to maxDepth dimensions, by impact on the change. */
  causes: SliceCause[];
  /** Non-overlapping steps that add up to `change`. */
  waterfall: WaterfallStep[];
  /** Ratio only: the change as volume moving between the finest slices (mix) and their own rates moving (rate), mix + rate = change. */
  mixRate?: { mix: number; rate: number; paradox: string[] };
  /** True when maxCandidates stopped the search early. */
  truncated: boolean;
}

/** Which slices of a node explain its change, and by how much, exactly (see the README's rules). */
export function explainSlices(rows: SliceRows, node: PeriodPair, options: SliceOptions = {}): SliceExplanation | Unavailable {
  const table = buildLeafTable(rows, node);
  if (!('kind' in table)) return table;
  if (table.change === 0) return unavailable('the metric did not change: nothing to explain across slices');
  const minShare = options.minShare ?? 0.05;
  const { candidates, truncated } = enumerateCandidates(table, { maxDepth: options.maxDepth ?? 3, minShare, maxCandidates: options.maxCandidates ?? 200_000 });
  const score = rippleScorer(table);
  const ripple = new Map(candidates.map((c) => [c.key, score(c)]));
  const ranked = rankCauses(candidates, table.change, ripple, options.concentration ?? 0.5);
  const waterfall = buildWaterfall(table, ranked, { maxSteps: options.maxSteps ?? 5, minShare });
  const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
  return {
    ok: true,
    kind: table.kind,
    dimensions: table.dimensions,
    change: table.change,
    dimensionScores: scoreDimensions(table, { explanatoryPower: 0.67, elementPower: 0.1 }),
    causes: ranked.slice(0, options.maxCauses ?? 10).map((c) => toSliceCause(table, c, ripple.get(c.key)!)),
    waterfall: waterfall.map((step) => ({ slice: step.candidate ? sliceOf(table.dimensions, step.candidate.constraints) : null, contribution: step.contribution })),
    ...(table.fractions ? { mixRate: { mix: sum(table.fractions.mix), rate: sum(table.fractions.rate), paradox: findParadox(table) } } : {}),
    truncated,
  };
}
