import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/model/index.js';
import { decomposeFormula } from '../../src/explain/formula/decompose-formula.js';
import type { PeriodPair } from '../../src/explain/formula/formula-split.js';
import { expectSums } from './support/expect-exact.js';
import { seededRandom } from './support/seeded-random.js';

function split(formula: string, values: Record<string, [number, number]>) {
  const pairs = new Map(Object.entries(values).map(([metric, [baseline, current]]) => [metric, { baseline, current }] as [string, PeriodPair]));
  return decomposeFormula(parseExpression(formula), pairs);
}

function partsOf(result: ReturnType<typeof split>): Record<string, number> {
  if (!result.ok) throw new Error(result.reason);
  return Object.fromEntries(result.parts.map((p) => [p.metric, p.contribution]));
}

describe('formula edges, by hand', () => {
  it('a sum or difference splits into each child’s change times its coefficient', () => {
    // revenue = new + expansion - churn: (120-100) + (30-40) - (15-10) = 20 - 10 - 5 = 5
    const result = split('new_business + expansion - churn', { new_business: [100, 120], expansion: [40, 30], churn: [10, 15] });
    expect(result.ok && result.method).toBe('difference');
    expect(partsOf(result)).toEqual({ new_business: 20, expansion: -10, churn: -5 });
    // 2 * a / 4 = a / 2: Δ = (9 - 5) / 2 = 2
    expect(partsOf(split('2 * a / 4', { a: [5, 9] }))).toEqual({ a: 2 });
  });

  it('a product splits by LMDI', () => {
    // V0 = 100 × 1000 = 100,000; V1 = 80 × 1100 = 88,000; ΔV = -12,000
    // L = -12,000 / ln(0.88) = 93,872.2014; won: L × ln(0.8) = -20,946.976; size: L × ln(1.1) = 8,946.976
    const result = split('won_deals * average_deal_size', { won_deals: [100, 80], average_deal_size: [1000, 1100] });
    expect(result.ok && result.method).toBe('lmdi');
    const parts = partsOf(result);
    expect(parts.won_deals).toBeCloseTo(-20946.97639703149, 6);
    expect(parts.average_deal_size).toBeCloseTo(8946.976397031502, 6);
  });

  it('any other formula splits by Shapley values', () => {
    // f = a·b + c, a 10→12, b 5→4, c 7→3: Δf = (48 + 3) - (50 + 7) = -6
    // a: Δa × mean(b) = 2 × 4.5 = 9; b: Δb × mean(a) = -1 × 11 = -11; c: Δc = -4
    const result = split('a * b + c', { a: [10, 12], b: [5, 4], c: [7, 3] });
    expect(result.ok && result.method).toBe('shapley');
    const parts = partsOf(result);
    expect(parts.a).toBeCloseTo(9, 12);
    expect(parts.b).toBeCloseTo(-11, 12);
    expect(parts.c).toBeCloseTo(-4, 12);
  });

  it('a product through zero falls back to Shapley, and says why', () => {
    // a·b, a 0→3, b 2→5: Δ = 15; a: 3 × 3.5 = 10.5, b: 3 × 1.5 = 4.5
    const result = split('a * b', { a: [0, 3], b: [2, 5] });
    if (!result.ok) throw new Error(result.reason);
    expect(result.method).toBe('shapley');
    expect(result.note).toBe('LMDI is undefined because a is 0 in the baseline: Shapley values instead');
    expect(partsOf(result)).toEqual({ a: 10.5, b: 4.5 });
  });

  it('a division by zero or a missing child is a reason, never a share', () => {
    expect(split('a / b', { a: [1, 2], b: [0, 4] })).toEqual({ ok: false, reason: 'the formula has no value in the baseline (a division by zero)' });
    expect(split('a * b', { a: [1, 2] })).toEqual({ ok: false, reason: 'no values for b' });
    // a / (b - c), b 2→3, c 1→2: b - c is 1 at both ends but 0 in the coalition where only c has moved (2 - 2)
    const result = split('a / (b - c) + 0 * a * b', { a: [1, 2], b: [2, 3], c: [1, 2] });
    expect(result).toEqual({ ok: false, reason: 'the formula has no value when only c is at the current value (a division by zero on the way)' });
  });

  it('more than 12 children is refused for Shapley, with the limit named', () => {
    const names = Array.from({ length: 13 }, (_, i) => `m${i}`);
    const values = Object.fromEntries(names.map((n, i) => [n, [i + 1, i + 2] as [number, number]]));
    const result = split(`${names.join(' * ')} + 1`, values);
    expect(result).toEqual({ ok: false, reason: 'Shapley attribution is exact for up to 12 children; this formula has 13' });
  });
});

interface ReferenceCase {
  name: string;
  formula: string;
  method: string;
  baseline: Record<string, number>;
  current: Record<string, number>;
  change: number;
  parts: Record<string, number>;
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/formula-splits.json', import.meta.url), 'utf8')) as ReferenceCase[];

describe('formula edges against an independent implementation (fixtures/formula-splits.py: Shapley over every ordering)', () => {
  it.each(reference.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = split(c.formula, Object.fromEntries(Object.keys(c.baseline).map((m) => [m, [c.baseline[m]!, c.current[m]!]])));
    if (!result.ok) throw new Error(result.reason);
    expect(result.method).toBe(c.method);
    expect(result.current - result.baseline).toBeCloseTo(c.change, 6);
    for (const [metric, expected] of Object.entries(c.parts)) {
      const actual = result.parts.find((p) => p.metric === metric)!.contribution;
      expect(Math.abs(actual - expected), `${metric}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.change)));
    }
  });
});

describe('formula edges: the parts add up to the change, for random formulas and values', () => {
  const shapes = [
    (n: string[]) => n.join(' + '),
    (n: string[]) => `${n[0]} - ${n.slice(1).join(' - ')}`,
    (n: string[]) => n.join(' * '),
    (n: string[]) => `${n.slice(0, -1).join(' * ')} / ${n.at(-1)}`,
    (n: string[]) => `3 * ${n.join(' * ')} / 7`,
    (n: string[]) => `(${n.slice(0, 2).join(' + ')}) * ${n.slice(2).join(' * ') || 2}`,
    (n: string[]) => `${n[0]} * ${n[1] ?? 1} + ${n.slice(2).join(' - ') || 0}`,
  ];

  it('2,000 random cases (seeded), zeros and sign changes included', () => {
    const random = seededRandom(20261123);
    const methods = new Set<string>();
    for (let run = 0; run < 2000; run++) {
      const names = Array.from({ length: random.int(2, 7) }, (_, i) => `m${i}`);
      const formula = random.pick(shapes)(names);
      const value = () => (random.next() < 0.05 ? 0 : (random.next() < 0.1 ? -1 : 1) * Math.exp(random.next() * 12 - 4));
      const values = Object.fromEntries(names.map((n) => [n, [value(), value()] as [number, number]]));
      const result = split(formula, values);
      if (!result.ok) {
        expect(result.reason, `${formula} ${JSON.stringify(values)}`).toMatch(/division by zero/);
        continue;
      }
      methods.add(result.method);
      for (const part of result.parts) expect(Number.isFinite(part.contribution)).toBe(true);
      expectSums(result.parts.map((p) => p.contribution), result.current - result.baseline);
    }
    expect([...methods].sort()).toEqual(['difference', 'lmdi', 'shapley']);
  });
});
