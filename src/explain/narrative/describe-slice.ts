import type { ValueFormat } from '../../model/index.js';
import type { SliceCause } from '../slices/slice-cause.js';
import { formatDifference, formatPercentChange, formatShare } from './format-value.js';

/** "EMEA × Enterprise" */
export function sliceWords(slice: SliceCause['slice']): string {
  return Object.values(slice).join(' × ');
}

/**
 * "almost all of it in EMEA × Enterprise (−38%)": how much of a metric's change the slice carries,
 * and how the slice itself moved; for a ratio whose part is mostly mix, "most of it from volume
 * moving out of Enterprise (50% → 20% of the volume)", since its own rate may even have improved.
 */
export function describeSliceCause(cause: SliceCause, format: ValueFormat): string {
  const amount = cause.share >= 0.9 ? 'almost all of it' : cause.share >= 0.5 ? 'most of it' : `${formatShare(cause.share)} of it`;
  if (cause.volumeShare && Math.abs(cause.mix!) > Math.abs(cause.rate!)) {
    const { baseline, current } = cause.volumeShare;
    return `${amount} from volume moving ${current < baseline ? 'out of' : 'into'} ${sliceWords(cause.slice)} (${formatShare(baseline)} → ${formatShare(current)} of the volume)`;
  }
  return `${amount} in ${sliceWords(cause.slice)}${sliceMove(cause, format)}`;
}

function sliceMove(cause: SliceCause, format: ValueFormat): string {
  if (cause.baseline === null || cause.current === null) return '';
  if (cause.rate !== undefined) return ` (${formatDifference(cause.current - cause.baseline, format)})`;
  if (cause.baseline === 0) return '';
  return ` (${formatPercentChange(((cause.current - cause.baseline) / Math.abs(cause.baseline)) * 100)})`;
}
