import { overlaps, type Candidate } from './candidate.js';
import type { LeafTable } from './leaf-table.js';

export interface WaterfallPick {
  candidate: Candidate | null;
  contribution: number;
}

/**
 * A waterfall of slices that do not overlap (no leaf is counted twice), taken in rank order, then
 * one step for every other slice: the steps add up to the node's change, leaf by leaf.
 */
export function buildWaterfall(table: LeafTable, ranked: readonly Candidate[], bounds: { maxSteps: number; minShare: number }): WaterfallPick[] {
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= bounds.maxSteps) break;
    if (Math.abs(candidate.contribution) < bounds.minShare * Math.abs(table.change)) continue;
    if (chosen.some((other) => overlaps(candidate, other))) continue;
    chosen.push(candidate);
  }
  const covered = new Set(chosen.flatMap((c) => c.members));
  const rest = table.contribution.reduce((s, c, leaf) => (covered.has(leaf) ? s : s + c), 0);
  return [...chosen.map((candidate) => ({ candidate, contribution: candidate.contribution })), { candidate: null, contribution: rest }];
}
