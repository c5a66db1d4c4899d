import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Reads a committed R reference fixture (see the .R script of the same name for the exact calls). */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** |actual − expected| ≤ relative × |expected| + absolute. */
export function expectClose(actual: number | null | undefined, expected: number, relative = 1e-8, absolute = 1e-12): void {
  expect(typeof actual, `expected a number near ${expected}, got ${actual}`).toBe('number');
  const tolerance = relative * Math.abs(expected) + absolute;
  expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
