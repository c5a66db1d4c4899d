import type { z } from 'zod';
import { datasetSchema } from './dataset.js';
import { definitionSource } from './definition-source.js';
import { splitDefinitions, type DefinitionFolder } from './definition-files.js';
import { emptyOwners, loadOwners } from './load-owners.js';
import { metricSchema } from './metric.js';
import { projectConfigSchema, type ProjectConfig } from './project-config.js';
import { formatField, sourceKey, type Project, type ProjectIssue } from './project.js';
import { compareText, sortIssues } from './sort-issues.js';
import { treeSchema } from './tree.js';
import { validateDefinition } from './validate-definition.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

/** A file of a project folder; `path` is relative to the folder, with forward slashes. */
export interface ProjectFile {
  path: string;
  text: string;
}

interface Folder<T extends { id: string }> {
  kind: 'dataset' | 'metric' | 'tree';
  schema: z.ZodType<T>;
  definitions(project: Project): Map<string, T>;
}

const folders: { [F in DefinitionFolder]: Folder<{ id: string }> } = {
  datasets: folder({ kind: 'dataset', schema: datasetSchema, definitions: (project) => project.datasets }),
  metrics: folder({ kind: 'metric', schema: metricSchema, definitions: (project) => project.metrics }),
  trees: folder({ kind: 'tree', schema: treeSchema, definitions: (project) => project.trees }),
};

/** Erases the definition type once it is tied to its schema and its map. */
function folder<T extends { id: string }>(spec: Folder<T>): Folder<{ id: string }> {
  return spec as unknown as Folder<{ id: string }>;
}

/**
 * Reads a project's files into definitions. Never stops at the first problem: every issue of every
 * file is returned, and the project holds every definition that validated, so graph checks can run too.
 * When kpitree.yaml is missing or invalid, `project.config` is a placeholder and an issue says why.
 */
export function loadProject(files: ProjectFile[]): { project: Project; issues: ProjectIssue[] } {
  const project: Project = {
    config: placeholderConfig(),
    datasets: new Map(),
    metrics: new Map(),
    trees: new Map(),
    owners: emptyOwners(),
    sources: new Map(),
    rejected: new Set(),
  };
  const issues: ProjectIssue[] = [];
  let hasConfig = false;

  for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) {
    const role = fileRole(file.path);
    if (!role) continue;
    const yaml = parseYamlFile(file.path, file.text);
    issues.push(...yaml.issues);
    if (role === 'config') {
      hasConfig = true;
      if (yaml.value === undefined) continue;
      const result = validateDefinition(projectConfigSchema, yaml, yaml.value);
      issues.push(...result.issues);
      if (result.data) project.config = result.data;
      project.sources.set(sourceKey('config', 'config'), definitionSource(yaml));
    } else if (role === 'owners') {
      const loaded = loadOwners(yaml);
      issues.push(...loaded.issues);
      project.owners = loaded.owners;
      project.sources.set(sourceKey('owners', 'owners'), loaded.source);
      loaded.rejected.forEach((key) => project.rejected!.add(key));
    } else {
      issues.push(...loadDefinitions(project, yaml, role));
    }
  }
  if (!hasConfig) {
    const hint = 'create kpitree.yaml with at least name and warehouse';
    issues.push({ file: 'kpitree.yaml', line: 1, column: 1, field: '', message: 'the project has no kpitree.yaml', hint });
  }
  return { project, issues: sortIssues(issues) };
}

function loadDefinitions(project: Project, file: YamlFile, folder: DefinitionFolder): ProjectIssue[] {
  const { kind, schema, definitions } = folders[folder];
  const split = splitDefinitions(file, folder);
  const issues = [...split.issues];
  for (const { value, prefix } of split.definitions) {
    const result = validateDefinition(schema, file, value, prefix);
    issues.push(...result.issues);
    if (!result.data) {
      const id = rawId(value);
      if (id) project.rejected!.add(`${kind}:${id}`);
      continue;
    }
    const id = result.data.id;
    const first = project.sources.get(sourceKey(kind, id));
    if (first) {
      const at = first.locate(['id']);
      issues.push({
        file: file.path,
        ...file.locate([...prefix, 'id']),
        field: formatField([...prefix, 'id']),
        message: `duplicate ${kind} id "${id}": it is already defined at ${first.file}:${at.line}`,
        hint: `rename one of them; ids are unique among ${folder}`,
      });
      continue;
    }
    definitions(project).set(id, result.data);
    project.sources.set(sourceKey(kind, id), definitionSource(file, prefix));
  }
  return issues;
}

type FileRole = 'config' | 'owners' | DefinitionFolder;

function fileRole(path: string): FileRole | null {
  if (path === 'kpitree.yaml') return 'config';
  if (path === 'owners.yaml') return 'owners';
  if (!/\.ya?ml$/.test(path)) return null;
  const folder = path.split('/')[0];
  return folder === 'datasets' || folder === 'metrics' || folder === 'trees' ? folder : null;
}

function rawId(value: unknown): string | undefined {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function placeholderConfig(): ProjectConfig {
  return { ...projectConfigSchema.parse({ name: 'kpitree', warehouse: 'unset' }), warehouse: { url: '' } };
}
