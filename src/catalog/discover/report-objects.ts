import { salesforceObjects } from '../salesforce/index.js';
import type { DiscoveryReport, ObjectReport } from './discovery-report.js';
import type { Recognition } from './recognition.js';

/** Each Salesforce object: the table it was found in, or that it is missing. */
export function reportObjects(recognition: Recognition): ObjectReport[] {
  return salesforceObjects.map((object) => {
    const match = recognition.objects.find((m) => m.object.name === object.name);
    if (!match) return { object: object.name, label: object.label, missingColumns: [], deletion: [] };
    return {
      object: object.name,
      label: object.label,
      table: `${match.table.schema}.${match.table.name}`,
      naming: match.naming,
      missingColumns: match.missing,
      deletion: match.deletion,
    };
  });
}

/** The custom fields of every table found, and which of them became dimensions. */
export function reportCustomFields(recognition: Recognition, dimensions: ReadonlyMap<string, string[]>): DiscoveryReport['customFields'] {
  const tables = new Map<string, string[]>();
  for (const match of recognition.objects) tables.set(match.table.name, match.customFields.map((c) => c.name));
  for (const table of recognition.customObjects) tables.set(table.name, table.columns.filter((c) => /__c$/i.test(c.name)).map((c) => c.name));
  return [...tables]
    .filter(([, fields]) => fields.length > 0)
    .map(([table, fields]) => ({ table, fields, dimensions: [...new Set(dimensions.get(table) ?? [])].map((d) => d.replace(/^"|"$/g, '')) }));
}
