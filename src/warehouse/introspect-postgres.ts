import type { Catalog } from '../semantic/index.js';
import { buildCatalog } from './build-catalog.js';
import type { Warehouse } from './warehouse.js';

/**
 * Tables and views the user may read, from information_schema, plus materialized views, which
 * information_schema leaves out (read from pg_catalog). System schemas are skipped.
 */
const columnsSql = `
SELECT table_schema, table_name, column_name,
       CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS raw_type,
       ordinal_position
FROM information_schema.columns
WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
  AND table_schema NOT LIKE 'pg\\_toast%' AND table_schema NOT LIKE 'pg\\_temp\\_%'
UNION ALL
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnum
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind = 'm' AND has_table_privilege(c.oid, 'SELECT')
ORDER BY 1, 2, 5`;

export async function introspectPostgres(warehouse: Pick<Warehouse, 'query'>, schema?: string): Promise<Catalog> {
  const rows = await warehouse.query(columnsSql);
  const defaultSchema = schema ?? (await currentSchema(warehouse));
  return buildCatalog(rows, defaultSchema);
}

async function currentSchema(warehouse: Pick<Warehouse, 'query'>): Promise<string> {
  const [row] = await warehouse.query('SELECT current_schema() AS schema');
  return typeof row?.schema === 'string' ? row.schema : 'public';
}
