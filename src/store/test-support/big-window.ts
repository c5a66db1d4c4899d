import type { SeriesRow } from '../series/series-types.js';

/**
 * `count` daily values from `from` over 366 days: slices { region: 'r0' } … as many as needed,
 * every value `value`. Returns the rows and the window's last day.
 */
export function bigWindowRows(from: string, count: number, value: number): { rows: SeriesRow[]; to: string } {
  const days = 366;
  const start = Date.parse(`${from}T00:00:00Z`);
  const rows: SeriesRow[] = [];
  for (let i = 0; i < count; i++) {
    const period = new Date(start + (i % days) * 86_400_000).toISOString().slice(0, 10);
    rows.push({ period, slice: { region: `r${Math.floor(i / days)}` }, value });
  }
  return { rows, to: new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10) };
}
