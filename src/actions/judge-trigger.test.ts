import { describe, expect, it } from 'vitest';
import type { Ownership, Trigger } from '../model/index.js';
import { judgeTrigger, type PeriodValue } from './judge-trigger.js';
import type { MetricAnomaly } from './metric-anomaly.js';
import { ownershipTriggers } from './ownership-triggers.js';
import { judgedGrain } from './period-dates.js';
import { plansProject } from './test-support/plans-project.js';

const project = plansProject();
const winRate = project.owners.ownership.find((o) => o.metric === 'win_rate')!;
const responseTime = project.owners.ownership.find((o) => o.metric === 'lead_response_time')!;
const months = (values: (number | null)[]): PeriodValue[] => values.map((value, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}-01`, value }));
const weeks = (values: number[]): PeriodValue[] => values.map((value, i) => ({ period: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10), value }));

function judge(ownership: Ownership, trigger: Trigger, values: PeriodValue[], asOf: string, anomalies: MetricAnomaly[] = []) {
  return judgeTrigger({ ownership, trigger, grain: ownership.review === 'weekly' ? 'week' : 'month', values, anomalies, asOf });
}

describe('judgeTrigger', () => {
  const threshold = ownershipTriggers(winRate)[0]!;

  it('a threshold with a playbook is one trigger; none without a playbook', () => {
    expect(threshold).toEqual({ id: 'threshold', when: ['threshold'] });
    expect(ownershipTriggers({ ...winRate, playbook: undefined })).toEqual([]);
    expect(ownershipTriggers(responseTime).map((t) => t.id)).toEqual(['slow_and_unusual']);
  });

  it('breaks below target less the margin (higher is better), from the first period of the run', () => {
    // Line 0.225: March 0.22 and April 0.2 are below it, February 0.23 is not; May is still running.
    const verdict = judge(winRate, threshold, months([0.3, 0.23, 0.22, 0.2, 0.1]), '2025-05-20T00:00:00Z');
    expect(verdict).toEqual({ period: '2025-04-01', value: 0.2, thresholdLine: 0.225, breaching: true, breachStart: '2025-03-01', recovered: false });
  });

  it('uses the target of the period when one is set (July: 0.3, line 0.27)', () => {
    const values = months([0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.26]);
    const verdict = judge(winRate, threshold, values, '2025-08-02T00:00:00Z')!;
    expect(verdict.thresholdLine).toBeCloseTo(0.27, 12);
    expect(verdict).toMatchObject({ breaching: true, breachStart: '2025-07-01' });
    // The same 0.26 in June is above June's line (0.225).
    expect(judge(winRate, threshold, months([0.3, 0.3, 0.3, 0.3, 0.3, 0.26]), '2025-07-02T00:00:00Z')).toMatchObject({ breaching: false, recovered: true });
  });

  it('breaks above a threshold value when lower is better; a missing value breaks nothing', () => {
    const line: Trigger = { id: 't', when: ['threshold'] };
    expect(judge(responseTime, line, weeks([1, 2.5]), '2025-01-20T00:00:00Z')).toMatchObject({ breaching: true, breachStart: '2025-01-13', thresholdLine: 2 });
    expect(judge(responseTime, line, weeks([1, 1.5]), '2025-01-20T00:00:00Z')).toMatchObject({ breaching: false, recovered: true });
    expect(judge(winRate, threshold, months([0.1, null]), '2025-03-01T00:00:00Z')).toMatchObject({ breaching: false, recovered: false });
  });

  it('pipeline coverage under 3× is a threshold value of 3 on the coverage metric', () => {
    const coverage: Ownership = { ...winRate, metric: 'pipeline_coverage_ratio', target: { value: 3.5, direction: 'higher' }, threshold: { value: 3 } };
    expect(judge(coverage, threshold, months([3.4, 3.0, 2.9]), '2025-04-01T00:00:00Z')).toMatchObject({ breaching: true, breachStart: '2025-03-01', value: 2.9 });
    expect(judge(coverage, threshold, months([3.4, 2.9, 3.0]), '2025-04-01T00:00:00Z')).toMatchObject({ breaching: false, recovered: true });
  });

  it('decline N: worse than the period before, N periods running, in the direction of the target', () => {
    const decline: Trigger = { id: 'sliding', when: [{ decline: 3 }] };
    expect(judge(winRate, decline, months([0.5, 0.4, 0.35, 0.3]), '2025-05-01T00:00:00Z')).toMatchObject({ breaching: true, breachStart: '2025-04-01' });
    expect(judge(winRate, decline, months([0.5, 0.4, 0.4, 0.3]), '2025-05-01T00:00:00Z')).toMatchObject({ breaching: false });
    expect(judge(winRate, decline, months([0.4, 0.35, 0.3]), '2025-04-01T00:00:00Z')).toMatchObject({ breaching: false }); // only 2 declines
    // Lower is better: rising response times are the decline.
    expect(judge(responseTime, { id: 'd', when: [{ decline: 2 }] }, weeks([1, 1.2, 1.4]), '2025-01-27T00:00:00Z')).toMatchObject({ breaching: true });
  });

  it('AND: threshold and anomaly must both hold; only an anomaly in the worse direction counts', () => {
    const trigger = ownershipTriggers(responseTime)[0]!;
    const values = weeks([1, 3, 3]);
    const asOf = '2025-01-27T00:00:00Z';
    const anomaly = (direction: 'up' | 'down', period: string, through?: string): MetricAnomaly =>
      ({ metric: 'lead_response_time', grain: 'week', period, direction, type: 'level_shift', ...(through ? { through } : {}) });
    expect(judge(responseTime, trigger, values, asOf)).toMatchObject({ breaching: false, recovered: false });
    expect(judge(responseTime, trigger, values, asOf, [anomaly('down', '2025-01-20')])).toMatchObject({ breaching: false });
    expect(judge(responseTime, trigger, values, asOf, [anomaly('up', '2025-01-20')])).toMatchObject({ breaching: true, breachStart: '2025-01-20' });
    // A drift covers every period from its start through its last.
    expect(judge(responseTime, trigger, values, asOf, [{ ...anomaly('up', '2025-01-13', '2025-01-20'), type: 'drift' }])).toMatchObject({ breachStart: '2025-01-13' });
  });

  it('judges at the grain of the review, unless the ownership names its own grain', () => {
    expect(judgedGrain(winRate, ['week'])).toBe('month');
    expect(judgedGrain({ ...winRate, grain: 'quarter' }, ['week'])).toBe('quarter');
    expect(judgedGrain({ ...winRate, review: undefined }, ['week', 'month'])).toBe('week');
  });

  it('judges nothing before a period is over', () => {
    expect(judge(winRate, threshold, months([0.1]), '2025-01-31T23:59:59Z')).toBeNull();
    expect(judge(winRate, threshold, months([0.1]), '2025-02-01T00:00:00Z')).toMatchObject({ breaching: true });
  });
});
