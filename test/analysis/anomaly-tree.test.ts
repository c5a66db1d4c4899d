import { describe, expect, it } from 'vitest';
import { collapseExplainedAnomalies, detectAnomalies, selectAcrossSeries, type Anomaly, type DetectionResult } from '../../src/analysis/anomaly/index.js';
import { weeklySeries } from './anomaly-synthetic.js';

describe('selectAcrossSeries (Benjamini–Bogomolov over the series of a tree)', () => {
  const results: Record<string, DetectionResult> = {};
  for (let seed = 0; seed < 60; seed++) results[`clean-${seed}`] = detectAnomalies({ values: weeklySeries(2000 + seed), grain: 'week' });
  const incidents = ['emea', 'na', 'apac'];
  incidents.forEach((key, k) => {
    const values = weeklySeries(3000 + k);
    values[120]! += 40;
    results[key] = detectAnomalies({ values, grain: 'week' });
  });
  results.short = detectAnomalies([1, 2, 3]);

  it('keeps the series with real incidents and drops the clean ones', () => {
    const selected = selectAcrossSeries(results, 0.05);
    expect(selected.map((s) => s.key).filter((k) => incidents.includes(k))).toEqual(incidents);
    expect(selected.length).toBeLessThanOrEqual(incidents.length + 1);
    for (const key of incidents) expect(selected.find((s) => s.key === key)!.anomalies.map((a) => `${a.type}@${a.index}`)).toContain('spike@120');
  });

  it('is stricter within a series than alpha: alpha·R/S', () => {
    const selected = selectAcrossSeries(results, 0.05);
    const level = (0.05 * selected.length) / 63;
    for (const s of selected) for (const a of s.anomalies) expect(a.pValue).toBeLessThanOrEqual(level);
  });

  it('neither tests nor counts series that could not be judged, and selects nothing from nothing', () => {
    expect(selectAcrossSeries(results, 0.05).some((s) => s.key === 'short')).toBe(false);
    expect(selectAcrossSeries({}, 0.05)).toEqual([]);
  });
});

function anomaly(index: number, observed: number, expected: number, type: Anomaly['type'] = observed > expected ? 'spike' : 'dip'): Anomaly {
  return { type, direction: observed > expected ? 'up' : 'down', index, timestamp: `2025-W${index}`, observed, expected, lower: expected - 5, upper: expected + 5, score: 5, pValue: 1e-4 };
}

describe('collapseExplainedAnomalies', () => {
  // revenue = emea + na (+ apac); emea = emea_smb + emea_ent
  const children = {
    revenue: [{ metric: 'emea' }, { metric: 'na' }, { metric: 'apac' }],
    emea: [{ metric: 'emea_smb' }, { metric: 'emea_ent' }],
  };

  it('reports a child anomaly that explains its parent’s once, carrying the parent', () => {
    const reported = collapseExplainedAnomalies({ revenue: [anomaly(10, 90, 100)], emea: [anomaly(10, 30, 39)], na: [] }, children);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ metric: 'emea', explains: [{ metric: 'revenue' }] });
  });

  it('follows the explanation down the tree to the deepest child', () => {
    const reported = collapseExplainedAnomalies(
      { revenue: [anomaly(10, 90, 100)], emea: [anomaly(10, 30, 39)], emea_ent: [anomaly(10, 11, 20)] },
      children,
    );
    expect(reported.map((r) => [r.metric, r.explains.map((e) => e.metric).sort()])).toEqual([['emea_ent', ['emea', 'revenue']]]);
  });

  it('keeps both when the child carries too small a share, the direction differs, the period or the kind differs', () => {
    const cases: Record<string, Anomaly[]>[] = [
      { revenue: [anomaly(10, 90, 100)], emea: [anomaly(10, 35, 39)] },
      { revenue: [anomaly(10, 90, 100)], emea: [anomaly(10, 49, 39)] },
      { revenue: [anomaly(10, 90, 100)], emea: [anomaly(11, 30, 39)] },
      { revenue: [anomaly(10, 90, 100, 'level_shift')], emea: [anomaly(10, 30, 39)] },
    ];
    for (const anomalies of cases) expect(collapseExplainedAnomalies(anomalies, children).map((r) => r.explains.length)).toEqual([0, 0]);
  });

  it('weighs a child by its contribution, or asks a predicate', () => {
    const anomalies = { revenue: [anomaly(10, 90, 100)], emea: [anomaly(10, 3, 4)] };
    expect(collapseExplainedAnomalies(anomalies, { revenue: [{ metric: 'emea', weight: 9 }] })).toHaveLength(1);
    expect(collapseExplainedAnomalies(anomalies, children, { explains: (c, p) => c.anomaly.direction === p.anomaly.direction })).toHaveLength(1);
  });
});
