import type { CatalogTable } from '../../semantic/index.js';
import { columnRef } from './column-ref.js';
import { findColumnByName } from './find-column.js';
import { isCustomField, snakeId } from './normalise-name.js';

/**
 * A dataset for a custom object's table (Renewal__c): its deletion flags as the row filter, its
 * string and boolean custom fields as dimensions. Undefined when its id is taken.
 */
export function customObjectDataset(table: CatalogTable, takenIds: ReadonlySet<string>): { id: string; description: string; table: string; primary_key?: string; where?: string; dimensions?: { name: string; expr: string }[] } | undefined {
  const id = snakeId(table.name);
  if (takenIds.has(id)) return undefined;
  const deletion = ['is_deleted', '_fivetran_deleted'].flatMap((name) => {
    const column = findColumnByName(table, name);
    return column ? [`not coalesce(${columnRef(column.name)}, false)`] : [];
  });
  const id_ = findColumnByName(table, 'id');
  const dimensions = table.columns
    .filter((c) => isCustomField(c.name) && (c.type === 'string' || c.type === 'boolean'))
    .map((c) => ({ name: snakeId(c.name), expr: columnRef(c.name) }));
  return {
    id,
    description: `The custom object ${table.name}, found by discovery.`,
    table: table.name,
    ...(id_ && id_.name !== 'id' ? { primary_key: id_.name } : {}),
    ...(deletion.length ? { where: deletion.join(' and ') } : {}),
    ...(dimensions.length ? { dimensions } : {}),
  };
}
