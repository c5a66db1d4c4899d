import type { Candidate } from './candidate.js';
import { sliceOf, type LeafTable } from './leaf-table.js';
import type { Slice } from './slice-rows.js';

/** A slice that explains part of a node's change. */
export interface SliceCause {
  slice: Slice;
  /** Its exact part of the node's change, and that part over the change (may exceed 1 when other slices offset). */
  contribution: number;
  share: number;
  /** The slice's own value in each period: its sum, or its rate (null without volume). */
  baseline: number | null;
  current: number | null;
  /** Ripple-effect potential score, 0…1 (see rippleScorer). */
  ripple: number;
  /** Ratio only: how much of the part is volume moving (mix) and how much the slice's own rate (rate). */
  mix?: number;
  rate?: number;
  /** Ratio only: the slice's share of the volume in each period. */
  volumeShare?: { baseline: number; current: number };
}

export function toSliceCause(table: LeafTable, candidate: Candidate, ripple: number): SliceCause {
  const total = (values: readonly number[]) => candidate.members.reduce((s, i) => s + values[i]!, 0);
  const common = { slice: sliceOf(table.dimensions, candidate.constraints), contribution: candidate.contribution, share: candidate.contribution / table.change, ripple };
  if (!table.fractions) return { ...common, baseline: total(table.expected), current: total(table.actual) };
  const { baseline, current, mix, rate } = table.fractions;
  const sums = (rows: typeof baseline) => ({ numerator: total(rows.map((r) => r.numerator)), denominator: total(rows.map((r) => r.denominator)) });
  const volume = (rows: typeof baseline) => rows.reduce((s, r) => s + r.denominator, 0);
  const [b, c] = [sums(baseline), sums(current)];
  return {
    ...common,
    baseline: b.denominator > 0 ? b.numerator / b.denominator : null,
    current: c.denominator > 0 ? c.numerator / c.denominator : null,
    mix: total(mix),
    rate: total(rate),
    volumeShare: { baseline: b.denominator / volume(baseline), current: c.denominator / volume(current) },
  };
}
