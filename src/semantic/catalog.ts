import type { TimeType } from './dialect.js';

export type ColumnType = 'string' | 'number' | 'boolean' | TimeType | 'other';

export interface CatalogColumn {
  name: string;
  type: ColumnType;
  /** The type as the warehouse names it. */
  rawType: string;
}

export interface CatalogTable {
  schema: string;
  name: string;
  columns: CatalogColumn[];
}

/** What a warehouse holds: tables and their columns, read by introspection. */
export interface Catalog {
  tables: CatalogTable[];
  /** Schema of tables named without one. */
  defaultSchema: string;
}

/**
 * The table a definition names ("opportunity" or "salesforce.opportunity"). Exact spelling wins;
 * otherwise case is ignored, because warehouses differ (Snowflake upper-cases, Postgres lower-cases).
 */
export function findTable(catalog: Catalog, qualifiedName: string): CatalogTable | undefined {
  const [schema, name] = qualifiedName.includes('.') ? qualifiedName.split('.', 2) : [catalog.defaultSchema, qualifiedName];
  const inSchema = catalog.tables.filter((t) => sameName(t.schema, schema!));
  return inSchema.find((t) => t.name === name) ?? inSchema.find((t) => sameName(t.name, name!));
}

export function findColumn(table: CatalogTable, name: string): CatalogColumn | undefined {
  return table.columns.find((c) => c.name === name) ?? table.columns.find((c) => sameName(c.name, name));
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
