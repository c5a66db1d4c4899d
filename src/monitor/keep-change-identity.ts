import { anomalyFamily, type AnomalyKind } from '../store/index.js';

/** Periods a later fit may move a change point by and still mean the same change. */
export const changeTolerance = 2;

/**
 * The period a detected anomaly is recorded at. A level shift, trend change or drift already
 * stored for the series, of the same family and direction, within `changeTolerance` periods, is
 * the same change seen again (more history moves a change point a little; a drift's start moves
 * as it goes on): it keeps its stored period, so it is flagged once. A spike or dip is its period.
 */
export function keepChangeIdentity(
  detected: { period: string; type: AnomalyKind; direction: 'up' | 'down' },
  stored: readonly { period: string; type: AnomalyKind; direction: 'up' | 'down' }[],
  timestamps: readonly string[],
): string {
  const family = anomalyFamily(detected.type);
  if (family === 'point') return detected.period;
  const at = timestamps.indexOf(detected.period);
  let best: { period: string; distance: number } | undefined;
  for (const s of stored) {
    if (anomalyFamily(s.type) !== family || s.direction !== detected.direction) continue;
    const index = timestamps.indexOf(s.period);
    const distance = index < 0 || at < 0 ? Infinity : Math.abs(index - at);
    if (distance <= changeTolerance && (!best || distance < best.distance)) best = { period: s.period, distance };
  }
  return best?.period ?? detected.period;
}
