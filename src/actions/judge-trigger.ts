import type { Grain, Ownership, Trigger, TriggerCondition } from '../model/index.js';
import type { MetricAnomaly } from './metric-anomaly.js';
import { isComplete, targetFor } from './period-dates.js';

export interface PeriodValue {
  period: string;
  value: number | null;
}

/** A trigger judged at the latest complete period of a series. */
export interface TriggerVerdict {
  period: string;
  value: number | null;
  /** Where the threshold lies at that period (null without a threshold, or a margin without a target). */
  thresholdLine: number | null;
  /** Every condition holds at that period; breachStart is the first period of that unbroken run. */
  breaching: boolean;
  breachStart: string | null;
  /** Past the threshold again (or, for a trigger without the threshold condition, the trigger no longer holds). */
  recovered: boolean;
}

export interface TriggerInput {
  ownership: Ownership;
  trigger: Trigger;
  grain: Grain;
  /** The series in period order (any periods after asOf are ignored). */
  values: readonly PeriodValue[];
  /** Anomalies of this series (metric, grain and slice already matched). */
  anomalies: readonly MetricAnomaly[];
  asOf: string;
}

/** Judges a trigger on the latest complete period; null when no period is complete yet. Pure. */
export function judgeTrigger(input: TriggerInput): TriggerVerdict | null {
  const values = input.values.filter((v) => isComplete(v.period, input.grain, input.asOf));
  const latest = values.length - 1;
  if (latest < 0) return null;
  const holds = (condition: TriggerCondition, i: number) => conditionHolds(condition, i, values, input);
  const triggered = (i: number) => input.trigger.when.every((condition) => holds(condition, i));
  const breaching = triggered(latest);
  let start = latest;
  while (breaching && start > 0 && triggered(start - 1)) start--;
  const usesThreshold = input.trigger.when.includes('threshold');
  return {
    period: values[latest]!.period,
    value: values[latest]!.value,
    thresholdLine: thresholdLine(input.ownership, values[latest]!.period, input.grain),
    breaching,
    breachStart: breaching ? values[start]!.period : null,
    recovered: usesThreshold ? !holds('threshold', latest) && values[latest]!.value !== null : !breaching,
  };
}

/** The threshold at a period: its value, or the period's target less (more, when lower is better) the margin. */
export function thresholdLine(ownership: Ownership, period: string, grain: Grain): number | null {
  const { threshold, target } = ownership;
  if (threshold?.value !== undefined) return threshold.value;
  if (threshold?.margin === undefined || !target) return null;
  const goal = targetFor(target, period, grain);
  return target.direction === 'higher' ? goal * (1 - threshold.margin) : goal * (1 + threshold.margin);
}

function conditionHolds(condition: TriggerCondition, i: number, values: readonly PeriodValue[], input: TriggerInput): boolean {
  const lowerIsBetter = input.ownership.target?.direction === 'lower';
  const worse = (a: number | null, b: number | null) => a !== null && b !== null && (lowerIsBetter ? a > b : a < b);
  const { period, value } = values[i]!;
  if (condition === 'threshold') return worse(value, thresholdLine(input.ownership, period, input.grain));
  if (condition === 'anomaly') {
    const badDirection = lowerIsBetter ? 'up' : 'down';
    return input.anomalies.some((a) => a.direction === badDirection && a.period <= period && period <= (a.through ?? a.period));
  }
  if (i < condition.decline) return false;
  for (let k = i - condition.decline + 1; k <= i; k++) if (!worse(values[k]!.value, values[k - 1]!.value)) return false;
  return true;
}
