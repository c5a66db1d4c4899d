import type { Slice } from '../store/index.js';

/** A slice as people read it: "total", or "region=EMEA, segment=(none)". */
export function describeSlice(slice: Slice): string {
  const names = Object.keys(slice);
  return names.length === 0 ? 'total' : names.map((name) => `${name}=${slice[name] ?? '(none)'}`).join(', ');
}
