import { candidateKey, type Candidate } from './candidate.js';
import type { LeafTable } from './leaf-table.js';

export interface SearchBounds {
  /** Most dimensions combined in one slice. */
  maxDepth: number;
  /** A slice is kept, and combined further, only when it carries this share of the change (either sign). */
  minShare: number;
  /** A stop on the number of slices looked at, for very many dimension values. */
  maxCandidates: number;
}

/**
 * Every slice of up to `maxDepth` dimensions that carries at least `minShare` of the node's change,
 * apriori-style: a combination is only looked at when every coarser slice it refines was kept.
 */
export function enumerateCandidates(table: LeafTable, bounds: SearchBounds): { candidates: Candidate[]; truncated: boolean } {
  const kept = new Map<string, Candidate>();
  const floor = bounds.minShare * Math.abs(table.change);
  let looked = 0;
  for (let depth = 1; depth <= Math.min(bounds.maxDepth, table.dimensions.length); depth++) {
    for (const dims of combinations(table.dimensions.length, depth)) {
      const groups = new Map<string, Candidate>();
      const pruned = new Set<string>();
      table.values.forEach((values, leaf) => {
        const key = candidateKey(dims.map((d): [number, string] => [d, values[d]!]));
        let group = groups.get(key);
        if (!group) {
          if (pruned.has(key)) return;
          const constraints = dims.map((d): [number, string] => [d, values[d]!]);
          if (depth > 1 && !parentsKept(constraints, kept)) {
            pruned.add(key);
            return;
          }
          group = { constraints, key, members: [], contribution: 0 };
          groups.set(key, group);
        }
        group.members.push(leaf);
        group.contribution += table.contribution[leaf]!;
      });
      for (const group of groups.values()) {
        if (++looked > bounds.maxCandidates) return { candidates: [...kept.values()], truncated: true };
        if (Math.abs(group.contribution) >= floor) kept.set(group.key, group);
      }
    }
  }
  return { candidates: [...kept.values()], truncated: false };
}

function parentsKept(constraints: readonly [number, string][], kept: ReadonlyMap<string, Candidate>): boolean {
  return constraints.every((_, drop) => kept.has(candidateKey(constraints.filter((__, i) => i !== drop))));
}

/** The k-element subsets of 0…n−1, in lexicographic order. */
function* combinations(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i < n; i++) yield* combinations(n, k, i + 1, [...prefix, i]);
}
