import { checkProject, loadProject, sortIssues, type ProjectFile, type ProjectIssue } from '../../model/index.js';
import { checkCatalog, type Catalog } from '../../semantic/index.js';

/** The checks `kpitree validate` makes, on the planned files against the warehouse's catalog (tables named without a schema are in `schema`). */
export function checkPlannedProject(files: ProjectFile[], catalog: Catalog, schema: string): ProjectIssue[] {
  const { project, issues } = loadProject(files);
  return sortIssues([...issues, ...checkProject(project), ...checkCatalog(project, { ...catalog, defaultSchema: schema })]);
}
