import type { Slice } from './series-types.js';

/**
 * The canonical text of a slice: a JSON object with its keys in code-point order, so that equal
 * slices have equal keys whatever order their dimensions came in. '{}' is the total;
 * { region: null } (no region) is another slice than {} (every region).
 */
export function sliceKey(slice: Slice): string {
  const names = Object.keys(slice).sort();
  return `{${names.map((name) => `${JSON.stringify(name)}:${JSON.stringify(slice[name])}`).join(',')}}`;
}

/** Why a value is not a slice, or undefined when it is one. */
export function sliceProblem(slice: unknown): string | undefined {
  if (typeof slice !== 'object' || slice === null || Array.isArray(slice)) return 'a slice is an object of dimension values';
  for (const [name, value] of Object.entries(slice)) {
    if (value !== null && typeof value !== 'string') return `the value of dimension "${name}" is ${JSON.stringify(value) ?? 'undefined'}, not a string or null`;
  }
  return undefined;
}
