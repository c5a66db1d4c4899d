import { checkProject, loadProject, sortIssues, type Project, type ProjectIssue } from '../model/index.js';
import { readProjectFiles } from './read-project-files.js';

/** A project folder, loaded and checked: every definition that is valid, and every issue found, in file order. */
export async function loadProjectFolder(dir: string): Promise<{ project: Project; issues: ProjectIssue[] }> {
  const { project, issues } = loadProject(await readProjectFiles(dir));
  return { project, issues: sortIssues([...issues, ...checkProject(project)]) };
}
