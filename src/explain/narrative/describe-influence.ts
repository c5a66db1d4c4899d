import type { DriverEffect, NodeExplanation } from '../explain-result.js';
import { sliceWords } from './describe-slice.js';
import { formatDifference, formatPercentChange } from './format-value.js';
import { inSentence } from './metric-words.js';

/**
 * "meetings held moved −30.0% 3 weeks earlier, most of it in NA, expected to move closed deals by
 * −40 (interval −70 to −10; r = 0.68)": an influence edge's estimate, in the parent's units.
 */
export function describeInfluence(effect: DriverEffect, outcome: NodeExplanation): string {
  const driver = effect.explanation;
  const moved = effect.driverChangePercent !== null && driver.format !== 'percent' ? formatPercentChange(effect.driverChangePercent) : formatDifference(effect.driverChange, driver.format);
  const when = effect.lag.text ? ` ${effect.lag.text} earlier` : '';
  const top = driver.slices?.ok ? driver.slices.causes[0] : undefined;
  const where = top && top.share >= 0.5 ? `, ${top.share >= 0.9 ? 'almost all' : 'most'} of it in ${sliceWords(top.slice)}` : '';
  const evidence = effect.r !== null ? `; r = ${effect.r.toFixed(2)}` : '';
  const interval = `${formatDifference(effect.lower, outcome.format)} to ${formatDifference(effect.upper, outcome.format)}`;
  return `${inSentence(driver.name)} moved ${moved}${when}${where}, expected to move ${inSentence(outcome.name)} by ${formatDifference(effect.expected, outcome.format)} (interval ${interval}${evidence})`;
}
