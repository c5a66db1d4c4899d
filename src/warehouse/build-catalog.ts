import type { Catalog, CatalogTable } from '../semantic/index.js';
import { columnTypeOf } from './column-type.js';
import type { SqlRow } from './warehouse.js';

/**
 * A Catalog from introspection rows with the columns table_schema, table_name, column_name and
 * raw_type, in column order within each table.
 */
export function buildCatalog(rows: readonly SqlRow[], defaultSchema: string): Catalog {
  const tables = new Map<string, CatalogTable>();
  for (const row of rows) {
    const [schema, name, column, rawType] = [row.table_schema, row.table_name, row.column_name, row.raw_type].map(String) as [
      string,
      string,
      string,
      string,
    ];
    const key = JSON.stringify([schema, name]);
    let table = tables.get(key);
    if (!table) {
      table = { schema, name, columns: [] };
      tables.set(key, table);
    }
    table.columns.push({ name: column, type: columnTypeOf(rawType), rawType });
  }
  return { tables: [...tables.values()], defaultSchema };
}
