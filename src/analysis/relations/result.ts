/** Values of one series in period order; null (or a non-finite number) marks a missing period. */
export type SeriesValues = readonly (number | null | undefined)[];

/** A result that could not be computed, with the reason a user can read. */
export interface Unavailable {
  ok: false;
  reason: string;
}

export function unavailable(reason: string): Unavailable {
  return { ok: false, reason };
}

export function isObserved(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Why a series cannot be used at all (empty, all missing, constant), or null when it can. */
export function describeUnusable(name: string, values: SeriesValues, minimum: number): string | null {
  const observed = values.filter(isObserved);
  if (values.length === 0) return `${name} is empty`;
  if (observed.length === 0) return `${name} has no observed values (all missing or not numbers)`;
  if (observed.length < minimum) return `${name} has ${observed.length} observed values; need at least ${minimum}`;
  if (observed.every((v) => v === observed[0])) return `${name} is constant (${observed[0]}): it cannot vary with anything`;
  return null;
}
