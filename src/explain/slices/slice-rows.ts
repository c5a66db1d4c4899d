/** A slice: one value per dimension, e.g. { region: 'EMEA', segment: 'Enterprise' }. */
export type Slice = Readonly<Record<string, string>>;

export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * A node's values by slice, at the finest grain the caller has (every row sliced by the same
 * dimensions; a slice absent from a period is given with 0). An additive metric (count, sum)
 * gives values; a ratio or an average gives numerator and denominator (an average: sum and count),
 * so that any coarser slice, and the mix of volume between slices, can be computed exactly.
 */
export type SliceRows =
  | { kind: 'additive'; rows: readonly { slice: Slice; baseline: number; current: number }[] }
  | { kind: 'ratio'; rows: readonly { slice: Slice; baseline: Fraction; current: Fraction }[] };
