import type { CatalogColumn, CatalogTable } from '../../semantic/index.js';
import { normaliseName } from './normalise-name.js';

/** The column of a table named `name`, exact spelling first, then ignoring case, then ignoring underscores too. */
export function findColumnByName(table: CatalogTable, name: string): CatalogColumn | undefined {
  const lower = name.toLowerCase();
  const normal = normaliseName(name);
  return (
    table.columns.find((c) => c.name === name) ??
    table.columns.find((c) => c.name.toLowerCase() === lower) ??
    table.columns.find((c) => normaliseName(c.name) === normal)
  );
}
