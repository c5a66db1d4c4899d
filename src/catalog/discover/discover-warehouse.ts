import type { Catalog, CatalogTable } from '../../semantic/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { checkPlannedProject } from './check-planned-project.js';
import { DiscoveryError } from './discovery-error.js';
import type { DiscoveryReport } from './discovery-report.js';
import { loadCatalogue, type Catalogue } from './load-catalogue.js';
import { planDiscoveredProject } from './plan-project.js';
import { readStages } from './read-stages.js';
import { recogniseSalesforce } from './recognise-salesforce.js';
import { recogniseSchema } from './recognise-schema.js';
import type { ProjectFile } from '../../model/index.js';

export interface DiscoverOptions {
  /** The url the warehouse was opened with (written to kpitree.yaml; it never holds a password). */
  url: string;
  /** The folder a relative DuckDB path in `url` is relative to. */
  baseDir: string;
  /** Use this schema rather than the most complete. */
  schema?: string;
  /** The catalogue to adapt (default: the Salesforce catalogue shipped with kpitree). */
  catalogue?: Catalogue;
}

/**
 * Reads the warehouse (its catalog, and the org's stage names from opportunity_stage: reads only),
 * recognises Salesforce, and plans the project: files and report. The plan passes the checks of
 * `kpitree validate` against the same catalog, or discovery fails before anything is written.
 */
export async function discoverWarehouse(warehouse: Warehouse, options: DiscoverOptions): Promise<{ files: ProjectFile[]; report: DiscoveryReport }> {
  const catalog = await warehouse.introspect();
  const recognition = recogniseSalesforce(catalog, options.schema !== undefined ? { schema: options.schema } : {});
  if (!recognition) throw noSalesforce(catalog, warehouse.description, options.schema);
  const { stages, note } = await readStages(warehouse, recognition);
  const catalogue = options.catalogue ?? (await loadCatalogue());
  const plan = planDiscoveredProject({
    catalogue,
    recognition,
    ...(stages ? { stages } : {}),
    stageNote: note,
    warehouse: { url: options.url, description: warehouse.description, baseDir: options.baseDir },
  });
  const issues = checkPlannedProject(plan.files, catalog, recognition.schema);
  if (issues.length > 0) {
    const list = issues.slice(0, 10).map((i) => `\n  ${i.file}:${i.line}:${i.column}: ${i.field ? `${i.field}: ` : ''}${i.message}`).join('');
    throw new Error(`discovery planned a project that does not validate, so nothing was written (a bug in kpitree: please report it):${list}`);
  }
  return plan;
}

function noSalesforce(catalog: Catalog, description: string, schema: string | undefined): DiscoveryError {
  const bySchema = new Map<string, CatalogTable[]>();
  for (const table of catalog.tables) bySchema.set(table.schema, [...(bySchema.get(table.schema) ?? []), table]);
  const seen = [...bySchema].map(([name, tables]) => `${name} (${tables.length} table${tables.length === 1 ? '' : 's'})`);
  const nearMisses = [...bySchema].flatMap(([name, tables]) => recogniseSchema(name, tables).nearMisses).map((n) => `did you mean ${n.expected}? found ${n.found}`);
  const where = schema !== undefined ? `schema ${schema} of ${description}` : description;
  return new DiscoveryError(`no Salesforce tables in ${where}: saw ${catalog.tables.length} table${catalog.tables.length === 1 ? '' : 's'} in ${bySchema.size} schema${bySchema.size === 1 ? '' : 's'}${seen.length ? `: ${seen.join(', ')}` : ''}; nothing was written`, [
    ...nearMisses.slice(0, 10),
    'kpitree looks for Salesforce objects as Fivetran (opportunity, stage_name) or Airbyte (Opportunity, StageName) land them, in any schema',
  ]);
}
