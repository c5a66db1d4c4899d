import type { InsufficientSeries } from './types.js';

/** The fewest observed periods any judgement is made on. */
export const minimumPeriods = 8;

export interface PreparedSeries {
  status: 'ok';
  /** The periods from the first to the last observed one, gaps filled by linear interpolation. */
  filled: Float64Array;
  /** 1 where the period was observed, 0 where it was filled. */
  observed: Uint8Array;
  /** Index in the input of filled[0]. */
  offset: number;
  notes: string[];
}

/**
 * Checks a series and readies it for fitting: a missing value (null, or NaN/Infinity, which is
 * said) is interpolated for the fit and never judged; missing periods at either end are dropped.
 * Empty, all-missing, too short (< 8 observed) and constant series get a reason instead.
 */
export function prepareSeries(values: readonly (number | null | undefined)[]): PreparedSeries | InsufficientSeries {
  const notes: string[] = [];
  if (values.length === 0) return insufficient('the series is empty', notes);
  const known: number[] = [];
  let notNumbers = 0;
  values.forEach((v, i) => {
    if (typeof v === 'number' && Number.isFinite(v)) known.push(i);
    else if (v !== null && v !== undefined) notNumbers++;
  });
  if (notNumbers > 0) notes.push(`${notNumbers} value${notNumbers === 1 ? ' was' : 's were'} NaN or infinite and treated as missing`);
  if (known.length === 0) return insufficient(`every one of the ${values.length} values is missing`, notes);
  if (known.length < minimumPeriods) {
    return insufficient(`cannot judge yet: only ${known.length} observed value${known.length === 1 ? '' : 's'}, and at least ${minimumPeriods} are needed`, notes);
  }
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const v = (i: number) => values[i] as number;
  if (known.every((i) => v(i) === v(first))) return insufficient(`every value is ${v(first)}: nothing varies to judge against`, notes);
  if (first > 0) notes.push(`the first ${first} period${first === 1 ? ' has' : 's have'} no value and ${first === 1 ? 'is' : 'are'} left out`);
  if (last < values.length - 1) {
    const k = values.length - 1 - last;
    notes.push(`the last ${k} period${k === 1 ? ' has' : 's have'} no value; judged up to period ${last}`);
  }
  const length = last - first + 1;
  const filled = new Float64Array(length);
  const observed = new Uint8Array(length);
  for (let k = 0; k < known.length; k++) {
    const a = known[k]!;
    const b = known[k + 1];
    filled[a - first] = v(a);
    observed[a - first] = 1;
    if (b === undefined) break;
    for (let i = a + 1; i < b; i++) filled[i - first] = v(a) + ((v(b) - v(a)) * (i - a)) / (b - a);
  }
  const gaps = length - known.length;
  if (gaps > 0) notes.push(`${gaps} missing period${gaps === 1 ? ' was' : 's were'} interpolated for the fit and never flagged`);
  return { status: 'ok', filled, observed, offset: first, notes };
}

function insufficient(reason: string, notes: string[]): InsufficientSeries {
  return { status: 'insufficient', reason, notes };
}
