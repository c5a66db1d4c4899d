/** A slice at any depth (region=EMEA, or region=EMEA × segment=Enterprise), with the leaves inside it. */
export interface Candidate {
  /** [dimension index, value], by dimension index. */
  constraints: [number, string][];
  key: string;
  members: number[];
  /** Its exact part of the node's change: the sum of its leaves' parts. */
  contribution: number;
}

export function candidateKey(constraints: readonly (readonly [number, string])[]): string {
  return constraints.map(([d, value]) => `${d}=${value}`).join('\u0001');
}

/** Two slices overlap unless they differ on a dimension both constrain. */
export function overlaps(a: Candidate, b: Candidate): boolean {
  return !a.constraints.some(([d, value]) => b.constraints.some(([e, other]) => d === e && value !== other));
}

/** Whether `inner` lies inside `outer` (it constrains everything `outer` does, the same way, and more). */
export function isInside(inner: Candidate, outer: Candidate): boolean {
  return inner.constraints.length > outer.constraints.length && outer.constraints.every(([d, value]) => inner.constraints.some(([e, other]) => d === e && value === other));
}
