import { resolve } from 'node:path';
import { formatIssue, type Project, type ProjectIssue } from '../model/index.js';
import { checkWarehouse, connectWarehouse, loadProjectFolder, ProjectNotFoundError } from '../project/index.js';
import type { Catalog } from '../semantic/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { UsageError } from './cli-error.js';
import type { CliIo } from './io.js';

export interface OpenProject {
  dir: string;
  project: Project;
}

/** Loads the project named by --project (or the working folder); any issue is bad input. */
export async function openProject(projectOption: string | undefined, io: CliIo): Promise<OpenProject> {
  const dir = resolve(io.cwd, projectOption ?? '.');
  try {
    const { project, issues } = await loadProjectFolder(dir);
    if (issues.length > 0) throw projectIssuesError(issues);
    return { dir, project };
  } catch (error) {
    if (error instanceof ProjectNotFoundError) throw new UsageError(error.message);
    throw error;
  }
}

/** Opens the project's warehouse and checks every table and column name against it (metadata only). */
export async function openCheckedWarehouse(open: OpenProject, io: CliIo): Promise<{ warehouse: Warehouse; catalog: Catalog }> {
  const warehouse = await connectWarehouse(open.project, open.dir, io.env);
  try {
    const { catalog, issues } = await checkWarehouse(open.project, warehouse);
    if (issues.length > 0) throw projectIssuesError(issues, warehouse.description);
    return { warehouse, catalog };
  } catch (error) {
    await warehouse.close();
    throw error;
  }
}

export function projectIssuesError(issues: ProjectIssue[], against?: string): UsageError {
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return new UsageError(`the project has ${count}${against ? ` against ${against}` : ''}; nothing was run`, issues.map(formatIssue));
}
