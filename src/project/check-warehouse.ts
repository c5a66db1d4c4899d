import type { Project, ProjectIssue } from '../model/index.js';
import { checkCatalog, type Catalog } from '../semantic/index.js';
import type { Warehouse } from '../warehouse/index.js';

/** Reads the warehouse's catalog (metadata only, no metric query) and checks every name the project uses. */
export async function checkWarehouse(project: Project, warehouse: Warehouse): Promise<{ catalog: Catalog; issues: ProjectIssue[] }> {
  const catalog = await warehouse.introspect();
  return { catalog, issues: checkCatalog(project, catalog) };
}
