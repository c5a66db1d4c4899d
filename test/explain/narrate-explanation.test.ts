import { describe, expect, it } from 'vitest';
import { explainChange } from '../../src/explain/index.js';
import { formatAmount, formatDifference, formatShare } from '../../src/explain/narrative/format-value.js';
import { inSentence } from '../../src/explain/narrative/metric-words.js';
import { revenueInput } from './support/revenue-scenario.js';

const base = revenueInput();

function summary(input = revenueInput()): string {
  const result = explainChange(input);
  if (!result.ok) throw new Error(result.reason);
  return result.summary;
}

describe('the paragraph', () => {
  it('explains any node of the tree: a rate, down to its slice and owner', () => {
    expect(summary(revenueInput({ metric: 'win_rate' }))).toBe(
      'Win rate fell 5.0 pts (from 30.0% to 25.0%) against 2026-Q2. Almost all of it in EMEA × Enterprise (−20.0 pts), owner Dana Kim.',
    );
  });

  it("says Simpson's paradox truthfully: every segment's rate rose, the total fell through mix", () => {
    // Enterprise 40/100 → 21/50, SMB 10/100 → 22/200: 25% → 17.2% (see explain-slices.test.ts for the arithmetic)
    const winRate = {
      baseline: 0.25,
      current: 0.172,
      slices: {
        kind: 'ratio' as const,
        rows: [
          { slice: { segment: 'Enterprise' }, baseline: { numerator: 40, denominator: 100 }, current: { numerator: 21, denominator: 50 } },
          { slice: { segment: 'SMB' }, baseline: { numerator: 10, denominator: 100 }, current: { numerator: 22, denominator: 200 } },
        ],
      },
    };
    const text = summary(revenueInput({ metric: 'win_rate', values: { ...base.values, win_rate: winRate } }));
    // mix −0.0915 and rate +0.0135 (1.35 pts, which is 1.3499… in binary and prints as 1.3)
    expect(text).toBe(
      'Win rate fell 7.8 pts (from 25.0% to 17.2%) against 2026-Q2. ' +
        'Most of it from volume moving out of Enterprise (50% → 20% of the volume), owner Sales Manager. ' +
        "Every segment's own win rate rose, yet win rate fell: volume moved toward segments with lower rates (mix −9.2 pts, rate +1.3 pts).",
    );
  });

  it('calls a change inside its normal band noise', () => {
    const noisy = { ...base.values, closed_won_revenue: { ...base.values.closed_won_revenue!, band: { lower: 900_000, upper: 1_300_000 } } };
    expect(summary(revenueInput({ values: noisy }))).toMatch(/^Closed won revenue fell \$250,600 \(−20\.9%\) against 2026-Q2, within its normal variation \(noise\)\. /);
  });

  it('a metric that did not change', () => {
    const flat = { ...base.values, win_rate: { baseline: 0.3, current: 0.3 } };
    expect(summary(revenueInput({ metric: 'win_rate', values: flat, periods: undefined }))).toBe('Win rate did not change (30.0%).');
  });
});

describe('numbers per format', () => {
  it.each([
    [1_210_000, 'currency', '$1.21M'],
    [31_802.4, 'currency', '$31,802'],
    [45.5, 'currency', '$45.50'],
    [0, 'currency', '$0'],
    [-2500, 'currency', '−$2,500'],
    [0.274, 'percent', '27.4%'],
    [1347, 'integer', '1,347'],
    [38.24, 'days', '38.2 days'],
    [4.5, 'hours', '4.5 hours'],
    [0.125, 'number', '0.13'],
  ] as const)('%s as %s is %s', (value, format, text) => {
    expect(formatAmount(value, format)).toBe(text);
  });

  it('metric names inside a sentence: lower-case first letter, acronyms kept', () => {
    expect(inSentence('Win rate')).toBe('win rate');
    expect(inSentence('NA SDR activity')).toBe('NA SDR activity');
    expect(inSentence('Proposal → Negotiation conversion')).toBe('proposal → Negotiation conversion');
  });

  it('differences: points for rates, signed amounts otherwise; shares as whole percents', () => {
    expect(formatDifference(-0.061, 'percent')).toBe('−6.1 pts');
    expect(formatDifference(120_400, 'currency')).toBe('+$120,400');
    expect(formatDifference(0, 'integer')).toBe('±0');
    expect(formatShare(0.7123)).toBe('71%');
    expect(formatShare(-0.18)).toBe('−18%');
  });
});
