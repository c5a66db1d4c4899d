import type { Catalog, ColumnType } from '../../src/semantic/index.js';
import { crmTables } from './crm-data.js';

const types: Record<string, ColumnType> = {
  VARCHAR: 'string',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  TIMESTAMPTZ: 'timestamptz',
};

/** The catalog of the CRM fixture as introspection would report it, for compiling without a database. */
export function crmCatalog(schema = 'main'): Catalog {
  return {
    defaultSchema: schema,
    tables: crmTables.map((table) => ({
      schema,
      name: table.name,
      columns: table.columns.map(([name, rawType]) => ({ name, rawType, type: types[rawType] ?? 'number' })),
    })),
  };
}
