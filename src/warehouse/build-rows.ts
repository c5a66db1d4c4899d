import type { SqlRow, SqlValue } from './warehouse.js';

/**
 * Row objects from column names and row arrays. A repeated name gets a suffix (`a`, `a:1`, `a:2`,
 * as DuckDB does), so no warehouse silently drops a column that shares its name.
 */
export function buildRows(columnNames: readonly string[], rows: readonly (readonly SqlValue[])[]): SqlRow[] {
  const keys = uniqueKeys(columnNames);
  return rows.map((values) => {
    const row: SqlRow = {};
    keys.forEach((key, i) => {
      row[key] = values[i] ?? null;
    });
    return row;
  });
}

function uniqueKeys(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count === 0) return name;
    let suffix = count;
    while (taken.has(`${name}:${suffix}`)) suffix += 1;
    const key = `${name}:${suffix}`;
    taken.add(key);
    return key;
  });
}
