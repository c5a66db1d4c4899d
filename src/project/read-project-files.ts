import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ProjectFile } from '../model/index.js';

export class ProjectNotFoundError extends Error {
  constructor(readonly dir: string) {
    super(`no kpitree project in ${dir}: kpitree.yaml is missing (run the command inside a project folder, or pass --project DIR)`);
    this.name = 'ProjectNotFoundError';
  }
}

const definitionFolders = ['datasets', 'metrics', 'trees'];

/** Reads the definition files of a project folder: kpitree.yaml, owners.yaml and the YAML files of its folders. */
export async function readProjectFiles(dir: string): Promise<ProjectFile[]> {
  if (!(await isFile(join(dir, 'kpitree.yaml')))) throw new ProjectNotFoundError(dir);
  const paths = ['kpitree.yaml', ...((await isFile(join(dir, 'owners.yaml'))) ? ['owners.yaml'] : [])];
  for (const folder of definitionFolders) paths.push(...(await yamlFilesUnder(dir, join(dir, folder))));
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(dir, path), 'utf8') })));
}

async function yamlFilesUnder(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFilesUnder(root, path)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
