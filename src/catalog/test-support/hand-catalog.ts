import type { Catalog, CatalogTable, ColumnType } from '../../semantic/index.js';
import { apiName, salesforceObject } from '../salesforce/index.js';

export interface TableOptions {
  schema?: string;
  naming?: 'fivetran' | 'airbyte' | 'airbyte_lower';
  /** The table's name instead of the loader's. */
  name?: string;
  /** Logical columns to leave out. */
  drop?: string[];
  /** Extra physical columns. */
  add?: (string | [string, ColumnType])[];
}

/** A catalog table for a Salesforce object as a loader lands it, built by hand for pure tests. */
export function objectTable(object: string, options: TableOptions = {}): CatalogTable {
  const spec = salesforceObject(object);
  const spell = (name: string) => (options.naming === 'airbyte' ? apiName(name) : options.naming === 'airbyte_lower' ? apiName(name).toLowerCase() : name);
  const columns = spec.columns
    .filter((c) => !(options.drop ?? []).includes(c.name))
    .map((c) => ({ name: spell(c.name), type: c.type, rawType: c.type }));
  for (const extra of options.add ?? []) {
    const [name, type] = typeof extra === 'string' ? [extra, 'string' as ColumnType] : extra;
    columns.push({ name, type, rawType: type });
  }
  return { schema: options.schema ?? 'salesforce', name: options.name ?? spell(spec.name), columns };
}

/** Any table, by hand. */
export function plainTable(schema: string, name: string, columns: (string | [string, ColumnType])[]): CatalogTable {
  return {
    schema,
    name,
    columns: columns.map((c) => (typeof c === 'string' ? { name: c, type: 'string' as ColumnType, rawType: 'VARCHAR' } : { name: c[0], type: c[1], rawType: c[1] })),
  };
}

export function catalogOf(...tables: CatalogTable[]): Catalog {
  return { tables, defaultSchema: 'main' };
}
