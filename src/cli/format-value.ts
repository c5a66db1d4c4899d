import type { ValueFormat } from '../model/index.js';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A metric value as people read it: 42.5%, $1,204,300, 38.2 days. Missing values are "–". */
export function formatValue(value: number | null, format: ValueFormat): string {
  if (value === null) return '–';
  switch (format) {
    case 'percent':
      return `${oneDecimal.format(value * 100)}%`;
    case 'currency':
      return `${value < 0 ? '-' : ''}$${(Math.abs(value) >= 100 ? whole : twoDecimals).format(Math.abs(value))}`;
    case 'integer':
      return whole.format(value);
    case 'days':
      return `${oneDecimal.format(value)} d`;
    case 'hours':
      return `${oneDecimal.format(value)} h`;
    case 'number':
      return twoDecimals.format(value);
  }
}

/** The change from `previous` to `value`: points for percentages, relative change otherwise. */
export function formatChange(value: number | null, previous: number | null, format: ValueFormat): string {
  if (value === null || previous === null) return '';
  if (format === 'percent') {
    const points = (value - previous) * 100;
    return `${points >= 0 ? '+' : ''}${oneDecimal.format(points)} pts`;
  }
  if (previous === 0) return value === 0 ? '±0' : 'new';
  const relative = ((value - previous) / Math.abs(previous)) * 100;
  return `${relative >= 0 ? '+' : ''}${oneDecimal.format(relative)}%`;
}
