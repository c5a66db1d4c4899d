import { describe, expect, it } from 'vitest';
import { correlateLagged } from '../../src/analysis/relations/correlate-lagged.js';
import { correlateMetrics } from '../../src/analysis/relations/correlate-metrics.js';
import { testPearson } from '../../src/analysis/relations/pearson-test.js';
import { testSpearman } from '../../src/analysis/relations/spearman-test.js';
import { randomWalk, seededRandom } from './relations-random.js';

/** A leader and a follower that answers it `lag` periods later, both trending. */
function laggedPair(seed: number, n: number, lag: number) {
  const { normal } = seededRandom(seed);
  const leader = randomWalk(normal, n + lag, 0.5, 200).map((v) => v * 10);
  const follower = leader.map((_, t) => (t >= lag ? 0.6 * leader[t - lag]! : 0.6 * leader[0]!) + 5 * normal() + 3 * t);
  return { leader: leader.slice(lag), follower: follower.slice(lag) };
}

describe('lag search', () => {
  it('recovers the lag of a synthetic lagged pair, with Pearson and with Spearman', () => {
    const { leader, follower } = laggedPair(11, 104, 5);
    const pearson = correlateLagged(leader, follower, { maxLag: 12 });
    const spearman = correlateLagged(leader, follower, { maxLag: 12, method: 'spearman' });
    if (!pearson.ok || !spearman.ok) throw new Error('untestable');
    expect(pearson.lag).toBe(5);
    expect(spearman.lag).toBe(5);
    expect(pearson.r).toBeGreaterThan(0.5);
    expect(pearson.pAdjusted).toBeLessThan(0.001);
    expect(pearson.pAdjusted).toBeGreaterThanOrEqual(pearson.p);
    expect(pearson.lags).toHaveLength(13);
    expect(pearson.transform.description).toMatch(/first differences/);
  });

  it('does not let two independent trending random walks correlate: high raw r, nothing left once prewhitened', () => {
    const { normal } = seededRandom(3);
    const a = randomWalk(normal, 104, 1);
    const b = randomWalk(normal, 104, 0.8);
    const raw = testPearson(a, b);
    if (!raw.ok) throw new Error(raw.reason);
    expect(raw.r).toBeGreaterThan(0.9);
    expect(raw.p).toBeLessThan(1e-10);
    const result = correlateLagged(a, b, { maxLag: 8 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.rawR).toBeGreaterThan(0.9);
    expect(Math.abs(result.r)).toBeLessThan(0.3);
    expect(result.pAdjusted).toBeGreaterThan(0.05);
  });

  it('keeps false discoveries near the nominal rate over many independent trending pairs', () => {
    let rawSignificant = 0;
    let falseAlarms = 0;
    const trials = 100;
    for (let seed = 1; seed <= trials; seed++) {
      const { normal } = seededRandom(1000 + seed);
      const a = randomWalk(normal, 80, 0.7);
      const b = randomWalk(normal, 80, -0.4);
      const raw = testPearson(a, b);
      if (raw.ok && raw.p < 0.05) rawSignificant++;
      const result = correlateLagged(a, b, { maxLag: 6 });
      if (result.ok && result.pAdjusted < 0.05) falseAlarms++;
    }
    expect(rawSignificant).toBeGreaterThan(90);
    expect(falseAlarms).toBeLessThanOrEqual(10);
  });
});

describe('a tree’s correlation matrix with Benjamini–Hochberg across pairs', () => {
  it('finds the one related pair among noise, with symmetric r and antisymmetric lags', () => {
    const { leader, follower } = laggedPair(5, 104, 3);
    const { normal } = seededRandom(99);
    const noise = [0, 1, 2].map((k) => randomWalk(normal, 104, 0.3 * k));
    const series = [
      { id: 'pipeline', values: leader },
      { id: 'revenue', values: follower },
      ...noise.map((values, k) => ({ id: `noise${k}`, values })),
    ];
    const matrix = correlateMetrics(series, { maxLag: 6 });
    expect(matrix.pairs).toHaveLength(10);
    const real = matrix.pairs.find((p) => [p.leader, p.follower].includes('pipeline') && [p.leader, p.follower].includes('revenue'))!;
    expect([real.leader, real.follower, real.lag]).toEqual(['pipeline', 'revenue', 3]);
    expect(real.q).toBeLessThan(0.001);
    expect(matrix.pairs.filter((p) => p.q < 0.05)).toHaveLength(1);
    expect(matrix.lag[0]![1]).toBe(3);
    expect(matrix.lag[1]![0]).toBe(-3);
    expect(matrix.r[0]![1]).toBe(matrix.r[1]![0]);
    expect(matrix.r[2]![2]).toBe(1);
    for (const p of matrix.pairs) expect(p.q).toBeGreaterThanOrEqual(p.pAdjusted);
  });
});

describe('bad input gets a reason, never a throw or a NaN', () => {
  const good = Array.from({ length: 30 }, (_, i) => Math.sin(i) + i / 10);
  const cases: [string, (number | null)[], (number | null)[], RegExp][] = [
    ['empty', [], good, /empty/],
    ['all null', good.map(() => null), good, /no observed values/],
    ['constant', good.map(() => 4), good, /constant/],
    ['too short', good.slice(0, 5), good.slice(0, 5), /need at least 10/],
    ['NaN everywhere', good.map(() => Number.NaN), good, /no observed values/],
    ['mismatched lengths', good, good.slice(0, 25), /different lengths/],
  ];
  it.each(cases)('%s', (_, a, b, reason) => {
    const result = correlateLagged(a, b);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('missing values inside a series are skipped, not spread as NaN', () => {
    const a = good.map((v, i) => (i % 7 === 3 ? null : v));
    const b = good.map((v, i) => (i % 5 === 1 ? Number.NaN : 2 * v + Math.cos(i * 3)));
    const result = correlateLagged(a, b, { maxLag: 3 });
    if (!result.ok) throw new Error(result.reason);
    expect(JSON.stringify(result)).not.toMatch(/NaN|null,"p"/);
    expect(Number.isFinite(result.r) && Number.isFinite(result.pAdjusted)).toBe(true);
  });

  it('the tests themselves refuse constant or short input', () => {
    expect(testPearson([1, 2], [3, 4]).ok).toBe(false);
    expect(testSpearman([1, 1, 1, 1], [1, 2, 3, 4]).ok).toBe(false);
    expect(testPearson([1, 2, 3], [1, 2])).toMatchObject({ ok: false, reason: expect.stringMatching(/different lengths/) });
  });

  it('a matrix reports untestable pairs instead of failing', () => {
    const matrix = correlateMetrics([{ id: 'a', values: good }, { id: 'flat', values: good.map(() => 1) }]);
    expect(matrix.pairs).toEqual([]);
    expect(matrix.untested[0]!.reason).toMatch(/constant/);
    expect(matrix.r[0]![1]).toBeNull();
  });
});
