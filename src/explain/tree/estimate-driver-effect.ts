import { unavailable, type Unavailable } from '../../analysis/index.js';
import type { DriverNode } from '../../model/index.js';
import type { InfluenceInput, NodeValues } from '../explain-input.js';
import type { DriverEffect, NodeExplanation } from '../explain-result.js';
import { readNodeValues } from './node-values.js';

/**
 * The expected effect of a driver's change on its parent through a fitted influence edge:
 * weight × Δdriver, with the weight's interval and standard error scaled by the same change.
 * An estimate from history, kept apart from the exact shares of formula edges.
 */
export function estimateDriverEffect(
  driver: DriverNode,
  parent: { metric: string; change: number | null },
  influences: readonly InfluenceInput[],
  values: Readonly<Record<string, NodeValues | undefined>>,
  explainDriver: (node: DriverNode, values: NodeValues, change: number) => NodeExplanation,
): DriverEffect | (Unavailable & { metric: string }) {
  const missing = (reason: string) => ({ ...unavailable(reason), metric: driver.metric });
  const influence = influences.find((i) => i.edge.indicator === driver.metric && i.edge.outcome === parent.metric);
  if (!influence) return missing(`no fitted influence edge from ${driver.metric} to ${parent.metric}`);
  const driverValues = influence.driver ?? values[driver.metric];
  const pair = readNodeValues(driver.metric, driverValues);
  if ('reason' in pair) return missing(pair.reason);
  const { edge } = influence;
  const change = pair.current - pair.baseline;
  const ends = [edge.lower * change, edge.upper * change];
  const expected = edge.weight * change;
  return {
    ok: true,
    metric: driver.metric,
    lag: { periods: edge.lag, text: driver.lag?.text ?? null },
    driverChange: change,
    driverChangePercent: pair.baseline !== 0 ? (change / Math.abs(pair.baseline)) * 100 : null,
    expected,
    lower: Math.min(...ends),
    upper: Math.max(...ends),
    se: edge.se * Math.abs(change),
    shareOfParent: parent.change ? expected / parent.change : null,
    significant: edge.lower > 0 || edge.upper < 0,
    signAgrees: edge.weight === 0 || edge.weight > 0 === (driver.sign === 'positive'),
    r: edge.correlation?.r ?? null,
    p: edge.correlation?.pAdjusted ?? edge.p,
    explanation: explainDriver(driver, driverValues!, change),
  };
}
