import type { Catalog } from '../semantic/index.js';
import { buildCatalog } from './build-catalog.js';
import type { Warehouse } from './warehouse.js';

/** Tables and views of the opened database (not DuckDB's system and temp catalogs). */
const columnsSql = `
SELECT table_schema, table_name, column_name, data_type AS raw_type
FROM information_schema.columns
WHERE table_catalog = current_database()
  AND table_schema NOT IN ('information_schema', 'pg_catalog')
ORDER BY table_schema, table_name, ordinal_position`;

export async function introspectDuckDb(warehouse: Pick<Warehouse, 'query'>, defaultSchema: string): Promise<Catalog> {
  return buildCatalog(await warehouse.query(columnsSql), defaultSchema);
}
