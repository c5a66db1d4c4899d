import type { CatalogTable } from '../../semantic/index.js';
import { fivetranSystemColumns, type SalesforceObject } from '../salesforce/index.js';
import { findColumnByName } from './find-column.js';
import { namingStyle } from './naming-style.js';
import { isCustomField } from './normalise-name.js';
import type { ColumnMatch, ObjectMatch } from './recognition.js';

/** Reads a table as a Salesforce object: which of its columns are there (under which names), which are missing. */
export function matchObject(object: SalesforceObject, table: CatalogTable): ObjectMatch {
  const columns: ColumnMatch[] = [];
  const missing: string[] = [];
  for (const column of object.columns) {
    const found = findColumnByName(table, column.name);
    if (found) columns.push({ logical: column.name, physical: found.name, type: found.type });
    else missing.push(column.name);
  }
  const naming = namingStyle([
    { expected: { fivetran: object.name, api: object.api }, physical: table.name },
    ...columns.map((c) => ({ expected: { fivetran: c.logical, api: object.columns.find((o) => o.name === c.logical)!.api }, physical: c.physical })),
  ]);
  const deletion = [findColumnByName(table, 'is_deleted'), findColumnByName(table, fivetranSystemColumns.deleted)].flatMap((c) => (c ? [c.name] : []));
  const active = findColumnByName(table, fivetranSystemColumns.active);
  return {
    object,
    table,
    naming,
    columns,
    missing,
    missingReasons: {},
    deletion,
    ...(active ? { activeFlag: active.name } : {}),
    customFields: table.columns.filter((c) => isCustomField(c.name)),
  };
}
