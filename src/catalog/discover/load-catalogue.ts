import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject, loadProject, type Project, type ProjectFile, type ProjectIssue } from '../../model/index.js';

/** The Salesforce catalogue: a kpitree project at the package's catalog/salesforce/ (beside src/ and dist/). */
export const catalogueDir = fileURLToPath(new URL('../../../catalog/salesforce/', import.meta.url));

export interface Catalogue {
  dir: string;
  files: ProjectFile[];
  project: Project;
}

/** Reads and loads the catalogue project; it must be free of issues (its tests keep it so). */
export async function loadCatalogue(dir: string = catalogueDir): Promise<Catalogue> {
  const files = await readFiles(dir);
  const { project, issues } = loadProject(files);
  const all: ProjectIssue[] = [...issues, ...checkProject(project)];
  if (all.length > 0) {
    const first = all[0]!;
    throw new Error(`the catalogue at ${dir} has ${all.length} problem(s), the first: ${first.file}:${first.line}:${first.column}: ${first.message}`);
  }
  return { dir, files, project };
}

async function readFiles(dir: string): Promise<ProjectFile[]> {
  const paths: string[] = [];
  const walk = async (at: string) => {
    const entries = await readdir(at, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.ya?ml$/.test(entry.name)) paths.push(relative(dir, path).split(sep).join('/'));
    }
  };
  await walk(dir);
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(dir, path), 'utf8') })));
}
