import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { esdCriticalValue, generalizedEsd, grubbsPValue, robustZScores } from '../../src/analysis/anomaly/index.js';
import { normal, seededRandom } from './anomaly-synthetic.js';

interface GesdCase {
  name: string;
  x: number[];
  maxOutliers: number;
  alpha: number;
  robust: boolean;
  statistics: number[];
  criticalValues: number[];
  indices: number[];
  outliers: number;
}

// Reference: the GESD written out in R 4.2.2 (mean/sd, or median/mad()) in fixtures/anomaly-reference.R.
const reference = JSON.parse(readFileSync(new URL('./fixtures/anomaly-gesd.json', import.meta.url), 'utf8')) as GesdCase[];

describe('generalizedEsd matches the R reference', () => {
  it.each(reference.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = generalizedEsd(c.x, { alpha: c.alpha, maxOutliers: c.maxOutliers, robust: c.robust });
    expect(result.steps.map((s) => s.index)).toEqual(c.indices);
    result.steps.forEach((s, i) => {
      expect(s.statistic).toBeCloseTo(c.statistics[i]!, 12);
      expect(s.criticalValue).toBeCloseTo(c.criticalValues[i]!, 10);
    });
    expect(result.outliers).toBe(c.outliers);
  });

  it('finds the three outliers of Rosner’s example, as the NIST handbook does', () => {
    const rosner = reference.find((c) => c.name === 'rosner classic')!;
    expect(generalizedEsd(rosner.x, { alpha: 0.05, maxOutliers: 10, robust: false }).outliers).toBe(3);
  });

  it('gives p-values that cross alpha exactly at the critical value', () => {
    for (const m of [10, 54, 156]) {
      for (const alpha of [0.001, 0.01, 0.05]) expect(grubbsPValue(esdCriticalValue(m, alpha), m)).toBeCloseTo(alpha, 9);
    }
    expect(grubbsPValue(100, 20)).toBeGreaterThanOrEqual(0);
  });

  it('stops when the values left do not vary, and never returns NaN', () => {
    // MAD is 0 here (most values equal): the robust scale falls back to the mean absolute deviation.
    const robust = generalizedEsd([1, 1, 1, 1, 1, 1, 9], { alpha: 0.05, maxOutliers: 3, robust: true });
    expect(robust.steps.map((s) => s.index)).toEqual([6]);
    expect(robust.outliers).toBe(1);
    expect(generalizedEsd([2, 2, 2, 2, 2], { alpha: 0.05, maxOutliers: 2, robust: false })).toEqual({ steps: [], outliers: 0 });
    expect([...robustZScores([2, 2, 2, 2])]).toEqual([0, 0, 0, 0]);
  });

  it('holds alpha on normal noise when classic; the robust variant flags more (as the detector’s default says)', () => {
    const random = seededRandom(11);
    let classic = 0;
    let robust = 0;
    for (let s = 0; s < 400; s++) {
      const x = Array.from({ length: 60 }, () => normal(random));
      classic += generalizedEsd(x, { alpha: 0.01, maxOutliers: 6, robust: false }).outliers > 0 ? 1 : 0;
      robust += generalizedEsd(x, { alpha: 0.01, maxOutliers: 6, robust: true }).outliers > 0 ? 1 : 0;
    }
    expect(classic / 400).toBeLessThan(0.025);
    expect(robust).toBeGreaterThan(classic);
  });
});
