import type { ValueFormat } from '../../model/index.js';

const minus = '\u2212';
const grouped = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A metric value in a sentence: $1.21M, $31,802, 27.4%, 1,347, 38.2 days. */
export function formatAmount(value: number, format: ValueFormat): string {
  const sign = value < 0 ? minus : '';
  const size = Math.abs(value);
  switch (format) {
    case 'currency':
      if (size >= 1e6) return `${sign}$${grouped(2).format(size / 1e6)}M`;
      return `${sign}$${grouped(size >= 100 || Number.isInteger(size) ? 0 : 2).format(size)}`;
    case 'percent':
      return `${sign}${grouped(1).format(size * 100)}%`;
    case 'integer':
      return `${sign}${grouped(0).format(size)}`;
    case 'days':
      return `${sign}${grouped(1).format(size)} days`;
    case 'hours':
      return `${sign}${grouped(1).format(size)} hours`;
    case 'number':
      return `${sign}${grouped(size >= 100 || Number.isInteger(size) ? 0 : 2).format(size)}`;
  }
}

/** The size of a change: "6.1 pts" for percentages (a difference of rates), "$120,400" otherwise. */
export function formatMagnitude(change: number, format: ValueFormat): string {
  if (format === 'percent') return `${grouped(1).format(Math.abs(change) * 100)} pts`;
  return formatAmount(Math.abs(change), format);
}

/** A signed change: "−6.1 pts", "+$120,400". */
export function formatDifference(change: number, format: ValueFormat): string {
  return `${signOf(change)}${formatMagnitude(change, format)}`;
}

/** A signed relative change in percent: "−12.4%". */
export function formatPercentChange(percent: number): string {
  return `${signOf(percent)}${grouped(1).format(Math.abs(percent))}%`;
}

/** A share of a whole as a whole percent: 0.712 → "71%". */
export function formatShare(share: number): string {
  return `${share < 0 ? minus : ''}${grouped(0).format(Math.abs(share) * 100)}%`;
}

function signOf(value: number): string {
  return value > 0 ? '+' : value < 0 ? minus : '±';
}
