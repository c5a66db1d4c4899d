import { describe, expect, it } from 'vitest';
import { fUpperP, normalTwoSidedP, tQuantile, tTwoSidedP } from './distributions.js';

// Reference: R 4.2.2: 2*pt(-2.1, 10); qt(0.975, 10); 1-pf(3.5, 2, 30); 2*pnorm(-1.96)
describe('distributions', () => {
  it('match R to 12 digits', () => {
    expect(tTwoSidedP(2.1, 10)).toBeCloseTo(0.062077244202218468, 12);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281388519862739, 12);
    expect(fUpperP(3.5, 2, 30)).toBeCloseTo(0.043032141544536606, 12);
    expect(normalTwoSidedP(1.96)).toBeCloseTo(0.049995790296440856, 12);
  });

  // R: pf(80, 3, 40, lower.tail = FALSE)
  it('keep tiny upper tails to relative precision', () => {
    expect(Math.abs(fUpperP(80, 3, 40) / 5.9876887524973492e-17 - 1)).toBeLessThan(1e-10);
  });
});
