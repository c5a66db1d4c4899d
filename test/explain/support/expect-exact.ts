/**
 * Σ parts = total to `relative` of |total|, or of the largest |part| when parts cancel: parts of
 * ±7,000 that offset to a total of 5e-6 carry rounding of 1e-12 each, which no method can avoid.
 */
export function expectSums(parts: readonly number[], total: number, relative = 1e-9): void {
  const sum = parts.reduce((s, p) => s + p, 0);
  const scale = Math.max(Math.abs(total), ...parts.map(Math.abs));
  if (!(Math.abs(sum - total) <= relative * scale + 1e-300)) throw new Error(`parts sum to ${sum}, the total is ${total} (difference ${sum - total})`);
}

/** Every number anywhere in a result is finite (JSON would silently turn NaN and Infinity into null). */
export function expectFiniteEverywhere(value: unknown, path = 'result'): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  if (Array.isArray(value)) value.forEach((item, i) => expectFiniteEverywhere(item, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) expectFiniteEverywhere(item, `${path}.${key}`);
}
