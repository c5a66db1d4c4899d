import type { Dataset } from '../../model/index.js';
import type { CatalogTable, ColumnType } from '../../semantic/index.js';
import { salesforceObjects } from '../salesforce/index.js';
import { findColumnByName } from './find-column.js';
import { isCustomField, normaliseName } from './normalise-name.js';
import type { ObjectMatch, SchemaRecognition } from './recognition.js';

/** Where a catalogue dataset's table is in the warehouse: a recognised Salesforce object, or a table of the same name. */
export type LocatedDataset = { table: CatalogTable; match?: ObjectMatch } | { missing: string };

/** A missing column: where it was looked for, and why the table cannot have it when that is known. */
export interface MissingColumn {
  object: string;
  column: string;
  where: string;
  reason?: string;
}

export type PhysicalColumn = { physical: string; type: ColumnType } | { missing: string; column: MissingColumn };

export function locateDataset(dataset: Pick<Dataset, 'table'>, recognition: SchemaRecognition): LocatedDataset {
  const name = dataset.table.split('.').at(-1)!;
  const object = salesforceObjects.find((o) => normaliseName(o.name) === normaliseName(name));
  if (object) {
    const match = recognition.objects.find((m) => m.object.name === object.name);
    if (match) return { table: match.table, match };
    if (object.name === 'opportunity_history') {
      return { missing: 'needs the stage history: a table opportunity_history (OpportunityHistory), a history-mode copy of opportunity, or opportunity_field_history' };
    }
    return { missing: `needs the table ${object.name} (${object.label})` };
  }
  const table = recognition.tables.find((t) => normaliseName(t.name) === normaliseName(name));
  return table ? { table } : { missing: `needs the table ${name}` };
}

/** The physical column standing for a logical one, or what is missing, in words. */
export function physicalColumn(located: Exclude<LocatedDataset, { missing: string }>, logical: string): PhysicalColumn {
  const { match, table } = located;
  const matched = match?.columns.find((c) => c.logical === logical);
  if (matched) return { physical: matched.physical, type: matched.type };
  const reason = match?.missingReasons[logical];
  const objectName = match?.object.name ?? table.name;
  const where = `${table.schema}.${table.name}`;
  const column: MissingColumn = { object: objectName, column: logical, where, ...(reason ? { reason } : {}) };
  if (reason) return { missing: describeMissingColumns([column]), column };
  const known = match?.object.columns.some((c) => c.name === logical);
  const found = known ? undefined : findColumnByName(table, logical);
  if (found) return { physical: found.name, type: found.type };
  return { missing: describeMissingColumns([column]), column };
}

/** Missing columns of one table, in words: "needs lead.mql_date__c (a custom field) in salesforce.lead". */
export function describeMissingColumns(columns: MissingColumn[]): string {
  const first = columns[0]!;
  const names = columns.map((c) => `${c.object}.${c.column}${isCustomField(c.column) ? ' (a custom field)' : ''}`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return first.reason ? `needs ${list}, which ${first.where} cannot give: ${first.reason}` : `needs ${list} in ${first.where}`;
}

