import type { Fraction } from './slice-rows.js';

export interface MixRate {
  /** Volume moved between slices: (w₁ − w₀) × (r̄ − R̄). */
  mix: number[];
  /** The slices' own rates moved: w̄ × (r₁ − r₀). */
  rate: number[];
  baseline: number;
  current: number;
}

/**
 * The change of a ratio R = Σ Nᵢ / Σ Dᵢ = Σ wᵢ rᵢ (wᵢ the slice's share of the volume D, rᵢ its
 * rate), split per slice into mix and rate with midpoint weights, so that Σ (mixᵢ + rateᵢ) = R₁ − R₀
 * exactly: w₁r₁ − w₀r₀ = w̄ Δr + r̄ Δw, and since Σ Δw = 0, r̄ may be measured from the midpoint
 * rate R̄: moving volume into a slice better than average raises R. A slice without volume in one
 * period takes its other period's rate there (it enters or leaves: pure mix).
 * The caller has checked that both totals have volume and that no slice has a numerator without volume.
 */
export function splitMixRate(baseline: readonly Fraction[], current: readonly Fraction[]): MixRate {
  const total = (rows: readonly Fraction[]) => rows.reduce((t, r) => ({ numerator: t.numerator + r.numerator, denominator: t.denominator + r.denominator }), { numerator: 0, denominator: 0 });
  const b = total(baseline);
  const c = total(current);
  const R0 = b.numerator / b.denominator;
  const R1 = c.numerator / c.denominator;
  const midpoint = (R0 + R1) / 2;
  const mix: number[] = [];
  const rate: number[] = [];
  baseline.forEach((row0, i) => {
    const row1 = current[i]!;
    const w0 = row0.denominator / b.denominator;
    const w1 = row1.denominator / c.denominator;
    const r1Own = row1.denominator > 0 ? row1.numerator / row1.denominator : null;
    const r0Own = row0.denominator > 0 ? row0.numerator / row0.denominator : null;
    const r0 = r0Own ?? r1Own ?? 0;
    const r1 = r1Own ?? r0;
    mix.push((w1 - w0) * ((r0 + r1) / 2 - midpoint));
    rate.push(((w0 + w1) / 2) * (r1 - r0));
  });
  return { mix, rate, baseline: R0, current: R1 };
}
