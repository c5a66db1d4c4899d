import type { Catalog, CatalogTable } from '../../semantic/index.js';
import { DiscoveryError } from './discovery-error.js';
import { combineStyles } from './naming-style.js';
import { recogniseSchema } from './recognise-schema.js';
import type { Recognition, SchemaRecognition } from './recognition.js';

/** Objects that make a schema a Salesforce schema on their own; otherwise two objects are needed. */
const anchors = ['opportunity', 'account', 'lead', 'contact'];

/**
 * Finds the Salesforce objects in any schema of the warehouse. When several schemas hold them (a
 * production and a sandbox copy), the most complete is used and the choice is explained; `schema`
 * chooses one. Returns undefined when no schema holds Salesforce tables.
 */
export function recogniseSalesforce(catalog: Catalog, options: { schema?: string } = {}): Recognition | undefined {
  const bySchema = new Map<string, CatalogTable[]>();
  for (const table of catalog.tables) bySchema.set(table.schema, [...(bySchema.get(table.schema) ?? []), table]);
  const seen = [...bySchema].map(([schema, tables]) => ({ schema, tables: tables.length }));
  const recognised = [...bySchema].map(([schema, tables]) => recogniseSchema(schema, tables)).filter(isSalesforce);
  recognised.sort(
    (a, b) => b.completeness - a.completeness || b.objects.length - a.objects.length || Number(b.schema === 'salesforce') - Number(a.schema === 'salesforce') || a.schema.localeCompare(b.schema),
  );
  const schemas = recognised.map((r) => ({ schema: r.schema, objects: r.objects.length, completeness: r.completeness }));

  let chosen: SchemaRecognition | undefined;
  let choice: string | undefined;
  if (options.schema !== undefined) {
    const name = [...bySchema.keys()].find((s) => s === options.schema) ?? [...bySchema.keys()].find((s) => s.toLowerCase() === options.schema!.toLowerCase());
    if (name === undefined) {
      throw new DiscoveryError(`--schema: the warehouse has no schema "${options.schema}"`, [`schemas: ${[...bySchema.keys()].join(', ') || '(none)'}`]);
    }
    chosen = recognised.find((r) => r.schema === name);
    if (!chosen) return undefined;
    if (recognised.length > 1) choice = `schema ${name} was chosen with --schema`;
  } else {
    chosen = recognised[0];
    if (!chosen) return undefined;
    if (recognised.length > 1) {
      const others = recognised.slice(1).map((r) => `${r.schema} (${objectCount(r.objects.length)}, ${percent(r.completeness)} of columns)`);
      choice = `Salesforce tables are in ${recognised.length} schemas; using ${chosen.schema}, the most complete (${objectCount(chosen.objects.length)}, ${percent(chosen.completeness)} of columns), over ${others.join(', ')}. Pass --schema to choose another.`;
    }
  }
  return { ...chosen, naming: combineStyles(chosen.objects.map((o) => o.naming)), schemas, seen, ...(choice ? { choice } : {}) };
}

function isSalesforce(schema: SchemaRecognition): boolean {
  return schema.objects.length >= 2 || schema.objects.some((o) => anchors.includes(o.object.name));
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function objectCount(n: number): string {
  return `${n} object${n === 1 ? '' : 's'}`;
}
