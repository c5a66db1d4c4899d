import { describe, expect, it } from 'vitest';
import { adjustPValues } from './multiple-testing.js';

// Reference: R 4.2.2, p <- c(0.01, 0.04, 0.03, 0.2, 0.001); p.adjust(p, "BH"); p.adjust(p, "holm")
describe('adjustPValues', () => {
  const p = [0.01, 0.04, 0.03, 0.2, 0.001];

  it('matches R p.adjust for Benjamini–Hochberg, Holm and Bonferroni', () => {
    adjustPValues(p, 'bh').forEach((v, i) => expect(v).toBeCloseTo([0.025, 0.05, 0.05, 0.2, 0.005][i]!, 12));
    adjustPValues(p, 'holm').forEach((v, i) => expect(v).toBeCloseTo([0.04, 0.09, 0.09, 0.2, 0.005][i]!, 12));
    adjustPValues(p, 'bonferroni').forEach((v, i) => expect(v).toBeCloseTo([0.05, 0.2, 0.15, 1, 0.005][i]!, 12));
  });

  it('returns nothing for nothing', () => {
    expect(adjustPValues([], 'bh')).toEqual([]);
  });
});
