import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../analysis/index.js';
import { judgeTrigger } from './judge-trigger.js';
import { ownershipTriggers } from './ownership-triggers.js';
import { triggerAnomalies } from './trigger-anomalies.js';
import { plansProject } from './test-support/plans-project.js';

describe('triggerAnomalies feeding the anomaly condition', () => {
  it('a level shift up in weekly lead response time found by detectAnomalies breaks the trigger "threshold AND anomaly"', () => {
    // 30 quiet weeks around 1.2 hours, then 3 weeks at 3 hours (worse: lower is better, threshold 2).
    const noise = [0.05, -0.04, 0.02, -0.03, 0.01, 0.04, -0.05, 0.03, -0.01, 0.0];
    const values = [...Array.from({ length: 30 }, (_, i) => 1.2 + noise[i % 10]!), 3, 3.05, 2.95];
    const periods = values.map((_, i) => new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10));
    const detection = detectAnomalies({ values, timestamps: periods }, { seasonLength: null });
    expect(detection.status).toBe('ok');
    if (detection.status !== 'ok') return;
    const found = detection.anomalies.map((a) => ({ metric: 'lead_response_time', grain: 'week' as const, slice: {}, period: periods[a.index]!, type: a.type, direction: a.direction }));
    const anomalies = triggerAnomalies(found, periods.at(-1)!);
    expect(anomalies.some((a) => a.direction === 'up' && a.period >= periods[30]!)).toBe(true);

    const ownership = plansProject().owners.ownership.find((o) => o.metric === 'lead_response_time')!;
    const trigger = ownershipTriggers(ownership)[0]!;
    const asOf = `${new Date(Date.UTC(2025, 0, 6 + 7 * 33)).toISOString().slice(0, 10)}T00:00:00Z`;
    const input = { ownership, trigger, grain: 'week' as const, values: periods.map((period, i) => ({ period, value: values[i]! })), asOf };
    expect(judgeTrigger({ ...input, anomalies })).toMatchObject({ breaching: true, period: periods[32], breachStart: periods[30] });
    expect(judgeTrigger({ ...input, anomalies: [] })).toMatchObject({ breaching: false });
  });

  it('a spike holds for its own period only; a level shift, trend change or drift through the given day', () => {
    const base = { metric: 'm', grain: 'week' as const, slice: {}, period: '2026-03-02', direction: 'down' as const };
    expect(triggerAnomalies([{ ...base, type: 'dip' }, { ...base, type: 'level_shift' }, { ...base, type: 'drift' }], '2026-04-20')).toEqual([
      { ...base, type: 'dip' },
      { ...base, type: 'level_shift', through: '2026-04-20' },
      { ...base, type: 'drift', through: '2026-04-20' },
    ]);
  });
});
