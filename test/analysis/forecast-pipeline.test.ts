import { describe, expect, it } from 'vitest';
import { forecastPipeline, type PastOpportunity } from '../../src/analysis/forecast/forecast-pipeline.js';
import { seededRandom } from './relations-random.js';

const history = (stage: string, ageDays: number, won: number, lost: number, daysToClose = 20): PastOpportunity[] => [
  ...Array.from({ length: won }, () => ({ stage, ageDays, won: true, daysToClose })),
  ...Array.from({ length: lost }, () => ({ stage, ageDays, won: false })),
];

describe('pipeline forecast', () => {
  const past = [...history('Proposal', 10, 30, 10), ...history('Proposal', 100, 5, 35), ...history('Discovery', 10, 10, 90, 80)];

  it('weights each open opportunity by its stage and age conversion, shrunk toward the stage rate', () => {
    const result = forecastPipeline(
      [
        { id: 'a', stage: 'Proposal', amount: 10_000, ageDays: 12 },
        { id: 'b', stage: 'Proposal', amount: 20_000, ageDays: 120 },
        { id: 'c', stage: 'Discovery', amount: 50_000, ageDays: 3 },
      ],
      past,
    );
    if (!result.ok) throw new Error(result.reason);
    const overall = 45 / 180;
    const proposal = (35 + 10 * overall) / (80 + 10);
    const young = (30 + 10 * proposal) / (40 + 10);
    const old = (5 + 10 * proposal) / (40 + 10);
    const discovery = (10 + 10 * ((10 + 10 * overall) / 110)) / 110;
    expect(result.opportunities.map((o) => o.probability)).toEqual([young, old, discovery].map((p) => expect.closeTo(p, 12)));
    expect(result.expected).toBeCloseTo(10_000 * young + 20_000 * old + 50_000 * discovery, 6);
    expect(result.opportunities[1]!.ageBucket).toBe('90–180 days');
    expect(result.byStage.map((s) => s.stage)).toEqual(['Proposal', 'Discovery']);
    expect(result.lower).toBeLessThan(result.expected);
    expect(result.upper).toBeGreaterThan(result.expected);
  });

  it('counts only wins within the horizon when one is given, and warns about unseen stages', () => {
    const result = forecastPipeline([{ stage: 'Discovery', amount: 1000, ageDays: 5 }, { stage: 'Legal', amount: 1000, ageDays: 5 }], past, { horizonDays: 30 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.opportunities[0]!.probability).toBeLessThan(0.05);
    expect(result.warnings).toEqual([expect.stringMatching(/"Legal" has no history/)]);
  });

  it('its interval covers the realised revenue near its level', () => {
    const { uniform } = seededRandom(77);
    const rates: Record<string, number> = { Discovery: 0.1, Proposal: 0.4, Negotiation: 0.7 };
    const stages = Object.keys(rates);
    const past: PastOpportunity[] = Array.from({ length: 6000 }, (_, i) => ({ stage: stages[i % 3]!, ageDays: 10, won: uniform() < rates[stages[i % 3]!]! }));
    const open = Array.from({ length: 150 }, (_, i) => ({ stage: stages[i % 3]!, amount: 5_000 + 50_000 * uniform(), ageDays: 10 }));
    const result = forecastPipeline(open, past, { level: 0.9 });
    if (!result.ok) throw new Error(result.reason);
    let covered = 0;
    for (let trial = 0; trial < 500; trial++) {
      const realised = open.reduce((s, o) => s + (uniform() < rates[o.stage]! ? o.amount : 0), 0);
      if (realised >= result.lower && realised <= result.upper) covered++;
    }
    expect(Math.abs(covered / 500 - 0.9)).toBeLessThan(0.05);
  });

  it('bad input: no history, non-numeric amounts', () => {
    expect(forecastPipeline([{ stage: 'X', amount: 1, ageDays: 1 }], [])).toMatchObject({ ok: false, reason: expect.stringMatching(/no history/) });
    const result = forecastPipeline([{ stage: 'Proposal', amount: Number.NaN, ageDays: 1 }], past);
    expect(result).toMatchObject({ ok: true, expected: 0, warnings: [expect.stringMatching(/1 open opportunities/)] });
  });
});
