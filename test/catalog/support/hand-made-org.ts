import { fivetranSystemColumns, salesforceObjects } from '../../../src/catalog/index.js';
import type { ColumnType } from '../../../src/semantic/index.js';
import { openWarehouse } from '../../../src/warehouse/index.js';
import { createTestDuckDb } from '../../../src/warehouse/test-support/duckdb.js';
import { createTestSchema } from '../../../src/warehouse/test-support/postgres.js';
import type { DemoWarehouse } from './demo-warehouses.js';

/**
 * A Salesforce org written by hand, row by row, small enough to compute a metric on paper: every
 * table of the object specs (src/catalog/salesforce/objects.ts) as Fivetran lands it, empty but
 * for the rows given. Columns not given are null; is_deleted and _fivetran_deleted are false.
 */

export type HandValue = string | number | boolean | null;
export type HandRows = Record<string, Record<string, HandValue>[]>;

export const handMadeSchema = 'salesforce';

const sqlTypes: Record<ColumnType, string> = {
  string: 'VARCHAR', number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMPTZ', other: 'VARCHAR',
};

/** SQL that DuckDB and Postgres both run: CREATE TABLE for every object, INSERT for the rows given. */
export function handMadeOrgSql(schema: string, rows: HandRows): string {
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const unknown = Object.keys(rows).filter((table) => !salesforceObjects.some((o) => o.name === table));
  if (unknown.length > 0) throw new Error(`no Salesforce object ${unknown.join(', ')}`);
  const statements: string[] = [];
  for (const object of salesforceObjects) {
    const columns: [string, ColumnType][] = [...object.columns.map((c): [string, ColumnType] => [c.name, c.type]), [fivetranSystemColumns.deleted, 'boolean'], [fivetranSystemColumns.synced, 'timestamp']];
    statements.push(`CREATE TABLE ${q(schema)}.${q(object.name)} (${columns.map(([c, t]) => `${q(c)} ${sqlTypes[t]}`).join(', ')})`);
    const given = rows[object.name] ?? [];
    for (const row of given) {
      const extra = Object.keys(row).filter((c) => !columns.some(([name]) => name === c));
      if (extra.length > 0) throw new Error(`${object.name} has no column ${extra.join(', ')}`);
    }
    if (given.length === 0) continue;
    const defaults: Record<string, HandValue> = { is_deleted: false, [fivetranSystemColumns.deleted]: false, [fivetranSystemColumns.synced]: '2026-01-01 00:00:00' };
    const tuples = given.map((row) => `(${columns.map(([c]) => literal(c in row ? row[c]! : (defaults[c] ?? null))).join(', ')})`);
    statements.push(`INSERT INTO ${q(schema)}.${q(object.name)} VALUES ${tuples.join(', ')}`);
  }
  return `${statements.join(';\n')};`;
}

function literal(value: HandValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

export interface HandMadeOrg {
  duckdb: DemoWarehouse;
  postgres: DemoWarehouse;
  close(): Promise<void>;
}

/** The same hand-made rows in an in-memory DuckDB and in a fresh Postgres schema, each opened read-only. */
export async function openHandMadeOrg(rows: HandRows): Promise<HandMadeOrg> {
  const closers: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const duck = await createTestDuckDb();
    closers.push(() => duck.close());
    await duck.connection.run(`CREATE SCHEMA ${handMadeSchema}; ${handMadeOrgSql(handMadeSchema, rows)}`);
    const duckWarehouse = await duck.warehouse({ schema: handMadeSchema });
    closers.push(() => duckWarehouse.close());
    const pg = await createTestSchema();
    closers.push(() => pg.drop());
    await pg.admin.query(handMadeOrgSql(pg.schema, rows));
    const post = await openWarehouse(pg.url, { schema: pg.schema });
    closers.push(() => post.close());
    return {
      duckdb: { name: 'duckdb', warehouse: duckWarehouse, catalog: await duckWarehouse.introspect() },
      postgres: { name: 'postgres', warehouse: post, catalog: await post.introspect() },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
