import { fileURLToPath } from 'node:url';
import type { Project } from '../../../src/model/index.js';
import { formatIssue } from '../../../src/model/index.js';
import { loadProjectFolder } from '../../../src/project/index.js';

/** The Salesforce catalogue: a kpitree project in catalog/salesforce/. */
export const catalogueDir = fileURLToPath(new URL('../../../catalog/salesforce/', import.meta.url));

/** The catalogue loaded and checked like `kpitree validate --offline`; any issue fails loudly. */
export async function loadCatalogue(): Promise<Project> {
  const { project, issues } = await loadProjectFolder(catalogueDir);
  if (issues.length > 0) throw new Error(`the catalogue has ${issues.length} issue(s):\n${issues.map(formatIssue).join('\n')}`);
  return project;
}
