import { describe, expect, it } from 'vitest';
import { describeInfluence } from '../../src/analysis/relations/describe-influence.js';
import { estimateWhatIf } from '../../src/analysis/relations/estimate-what-if.js';
import { fitInfluenceEdges, type InfluenceEdge } from '../../src/analysis/relations/fit-influence-edges.js';
import { fitOls } from '../../src/analysis/relations/fit-ols.js';
import { projectAnomaly } from '../../src/analysis/relations/project-anomaly.js';
import { randomWalk, seededRandom } from './relations-random.js';

const currency = (v: number) => (v >= 1000 ? `$${Math.round(v / 1000)}k` : `$${Math.round(v)}`);

describe('influence edges', () => {
  const { normal } = seededRandom(2024);
  const n = 130;
  const pipeline = randomWalk(() => 40_000 * normal(), n, 2_000, 1_500_000);
  const meetings = randomWalk(() => 8 * normal(), n, 0.2, 180);
  const revenue = pipeline.map((_, t) => 0.16 * pipeline[Math.max(0, t - 9)]! + 900 * meetings[Math.max(0, t - 3)]! + 5_000 * normal());

  it('finds each indicator’s lag, weighs it and says what +10 % is worth', () => {
    const result = fitInfluenceEdges({ id: 'closed_revenue', values: revenue }, [
      { id: 'pipeline_created', values: pipeline },
      { id: 'meetings_held', values: meetings },
    ]);
    if (!result.ok) throw new Error(result.reason);
    const [edge, meetingsEdge] = result.edges as [InfluenceEdge, InfluenceEdge];
    expect([edge.lag, meetingsEdge.lag]).toEqual([9, 3]);
    expect(edge.lower).toBeLessThan(0.16);
    expect(edge.upper).toBeGreaterThan(0.16);
    expect(edge.p).toBeLessThan(0.001);
    expect(edge.correlation!.pAdjusted).toBeLessThan(0.001);
    if (!edge.whatIf.ok) throw new Error(edge.whatIf.reason);
    expect(edge.whatIf.outcomeChange).toBeCloseTo(edge.weight * 0.1 * result.fit.means.pipeline_created!, 6);
    expect(edge.whatIf.lower).toBeLessThan(edge.whatIf.outcomeChange);
    const sentence = describeInfluence(edge, { indicator: 'pipeline created', outcome: 'closed revenue', period: 'week', formatOutcome: currency });
    expect(sentence).toMatch(/^pipeline created leads closed revenue by 9 weeks, r = 0\.\d\d, p < 0\.001; \+10% pipeline created ≈ \+\$\d+k closed revenue$/);
  });

  it('projects an anomaly on a leading indicator up the tree before the outcome moves', () => {
    const path: InfluenceEdge[] = [
      { indicator: 'meetings', outcome: 'pipeline', lag: 3, weight: 8000, se: 1000 } as InfluenceEdge,
      { indicator: 'pipeline', outcome: 'revenue', lag: 6, weight: 0.2, se: 0.05 } as InfluenceEdge,
    ];
    const projected = projectAnomaly({ metric: 'meetings', period: 40, observed: 150, expected: 185 }, path);
    if (!projected.ok) throw new Error(projected.reason);
    expect(projected.steps.map((s) => [s.metric, s.period])).toEqual([['pipeline', 43], ['revenue', 49]]);
    expect(projected.steps[1]!.change).toBeCloseTo(-35 * 8000 * 0.2, 6);
    // Delta method: sd = 35 × sqrt(1000² × 0.2² + 0.05² × 8000²)
    expect(projected.steps[1]!.upper - projected.steps[1]!.change).toBeCloseTo(1.959963984540054 * 35 * Math.sqrt(1000 ** 2 * 0.04 + 0.0025 * 8000 ** 2), 6);
    expect(projectAnomaly({ metric: 'revenue', period: 1, observed: 1, expected: 2 }, path).ok).toBe(false);
    expect(projectAnomaly({ metric: 'meetings', period: 1, observed: Number.NaN, expected: 2 }, path).ok).toBe(false);
  });
});

describe('OLS on bad designs: a defined result with a reason', () => {
  const { normal } = seededRandom(8);
  const x = Array.from({ length: 40 }, () => normal());
  const z = Array.from({ length: 40 }, () => normal());
  const y = x.map((v, i) => 1 + 2 * v - z[i]! + 0.3 * normal());

  it('drops all-zero, duplicated and constant columns (aliased with the intercept) and names them', () => {
    const fit = fitOls(y, [
      { name: 'x', values: x },
      { name: 'zeros', values: x.map(() => 0) },
      { name: 'copy', values: x.map((v) => 3 * v) },
      { name: 'constant', values: x.map(() => 7) },
      { name: 'z', values: z },
    ]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.aliased).toEqual(['zeros', 'copy', 'constant']);
    expect(fit.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'x', 'z']);
    expect(fit.warnings.filter((w) => /exact linear combination/.test(w))).toHaveLength(3);
    expect(estimateWhatIf(fit, 'copy', 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/dropped/) });
  });

  it('warns about nearly collinear indicators (VIF)', () => {
    const near = x.map((v) => v + 0.01 * normal());
    const fit = fitOls(y, [{ name: 'x', values: x }, { name: 'near_x', values: near }]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.aliased).toEqual([]);
    expect(fit.collinearity.vif[0]!.vif).toBeGreaterThan(100);
    expect(fit.warnings.join(' ')).toMatch(/VIF/);
  });

  it('skips rows with a missing or NaN value and counts them', () => {
    const holes = x.map((v, i) => (i % 10 === 0 ? null : i % 10 === 5 ? Number.NaN : v));
    const fit = fitOls(y, [{ name: 'x', values: holes }, { name: 'z', values: z }]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.n).toBe(32);
    expect(fit.droppedRows).toBe(8);
  });

  it('a perfect fit gives zero residuals and no NaN t or p', () => {
    const exact = x.map((v, i) => 1 + 2 * v - z[i]!);
    const fit = fitOls(exact, [{ name: 'x', values: x }, { name: 'z', values: z }]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.warnings.join(' ')).toMatch(/essentially perfect/);
    expect(JSON.stringify(fit)).not.toMatch(/NaN/);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(2, 10);
  });

  const refusals: [string, () => ReturnType<typeof fitOls>, RegExp][] = [
    ['mismatched lengths', () => fitOls(y, [{ name: 'x', values: x.slice(1) }]), /different lengths/],
    ['too few rows', () => fitOls(y.slice(0, 2), [{ name: 'x', values: x.slice(0, 2) }]), /need more rows/],
    ['constant outcome', () => fitOls(y.map(() => 3), [{ name: 'x', values: x }]), /constant/],
    ['all-null indicator', () => fitOls(y, [{ name: 'x', values: x.map(() => null) }]), /0 complete rows/],
    ['empty', () => fitOls([], [{ name: 'x', values: [] }]), /0 complete rows/],
  ];
  it.each(refusals)('%s', (_, run, reason) => {
    const fit = run();
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.reason).toMatch(reason);
  });

  it('influence edges refuse series of different lengths or none at all', () => {
    expect(fitInfluenceEdges({ id: 'y', values: y }, [])).toMatchObject({ ok: false });
    expect(fitInfluenceEdges({ id: 'y', values: y }, [{ id: 'x', values: x.slice(3) }])).toMatchObject({ ok: false, reason: expect.stringMatching(/different lengths/) });
    expect(fitInfluenceEdges({ id: 'y', values: y.map(() => 1) }, [{ id: 'x', values: x }])).toMatchObject({ ok: false, reason: expect.stringMatching(/constant/) });
  });
});
