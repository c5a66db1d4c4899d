import { seededRandom as mulberry32 } from '../../analysis/relations-random.js';

/** The analysis tests' seeded generator, with integers and picks, so that every property-test case can be replayed. */
export function seededRandom(seed: number): { next: () => number; int: (low: number, high: number) => number; pick: <T>(items: readonly T[]) => T } {
  const next = mulberry32(seed).uniform;
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)]! };
}
