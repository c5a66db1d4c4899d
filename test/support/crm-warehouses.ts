import type { Catalog } from '../../src/semantic/index.js';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';
import { createTestDuckDb } from '../../src/warehouse/test-support/duckdb.js';
import { createTestSchema } from '../../src/warehouse/test-support/postgres.js';
import { crmTables, tableStatements } from './crm-data.js';

export interface LoadedWarehouse {
  warehouse: Warehouse;
  catalog: Catalog;
  close(): Promise<void>;
}

/** The CRM fixture loaded into each real warehouse the tests execute on. */
export const crmWarehouses: { name: string; open: () => Promise<LoadedWarehouse> }[] = [
  {
    name: 'duckdb',
    async open() {
      const db = await createTestDuckDb();
      for (const table of crmTables) {
        for (const { sql, params } of tableStatements(table)) await db.connection.run(sql, params as never);
      }
      const warehouse = await db.warehouse();
      return { warehouse, catalog: await warehouse.introspect(), close: async () => { await warehouse.close(); db.close(); } };
    },
  },
  {
    name: 'postgres',
    async open() {
      const pg = await createTestSchema();
      for (const table of crmTables) {
        for (const { sql, params } of tableStatements(table, pg.schema)) await pg.admin.query(sql, params);
      }
      const warehouse = await openWarehouse(pg.url, { schema: pg.schema });
      return { warehouse, catalog: await warehouse.introspect(), close: async () => { await warehouse.close(); await pg.drop(); } };
    },
  },
];
