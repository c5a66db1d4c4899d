import type { Dataset } from './dataset.js';
import type { Metric } from './metric.js';
import type { Owners } from './owners.js';
import type { ProjectConfig } from './project-config.js';
import type { Tree } from './tree.js';

export type DefinitionKind = 'config' | 'dataset' | 'metric' | 'tree' | 'owners';

export interface SourcePosition {
  line: number;
  column: number;
}

/** Where a definition was written, and how to find a field of it in its file. */
export interface DefinitionSource {
  file: string;
  /** Position of the field at `path` inside the definition (or of its nearest parent that exists);
   *  `offset` moves into a string value, e.g. to the spot of an expression error. */
  locate(path: readonly (string | number)[], offset?: number): SourcePosition;
  /** The field at `path` as the file spells it, e.g. "metrics[2].numerator" in a file that lists several metrics. */
  fieldName?(path: readonly (string | number)[]): string;
}

/** A problem in a project, pointing at a file, a line, a column and a field. */
export interface ProjectIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. "metrics[2].numerator" or "root.children[0].formula". */
  field: string;
  message: string;
  hint?: string;
}

/** A loaded project: every valid definition, by id, with where each was written. */
export interface Project {
  config: ProjectConfig;
  datasets: Map<string, Dataset>;
  metrics: Map<string, Metric>;
  trees: Map<string, Tree>;
  owners: Owners;
  /** Keyed by `${kind}:${id}`; config and owners use their kind as id ("config:config", "owners:owners"). */
  sources: Map<string, DefinitionSource>;
  /** Ids written in the files whose definitions did not validate, as `${kind}:${id}` (dataset, metric, tree, person, team):
   *  their issues are already reported, so references to them are not reported again as unknown. */
  rejected?: Set<string>;
}

export function sourceKey(kind: DefinitionKind, id: string): string {
  return `${kind}:${id}`;
}

export function formatField(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** An issue at a field of a loaded definition. */
export function issueAt(
  project: Pick<Project, 'sources'>,
  kind: DefinitionKind,
  id: string,
  path: readonly (string | number)[],
  message: string,
  options: { hint?: string; offset?: number } = {},
): ProjectIssue {
  const source = project.sources.get(sourceKey(kind, id));
  const position = source?.locate(path, options.offset) ?? { line: 1, column: 1 };
  return {
    file: source?.file ?? `(${kind} ${id})`,
    ...position,
    field: source?.fieldName?.(path) ?? formatField(path),
    message,
    ...(options.hint ? { hint: options.hint } : {}),
  };
}

export function formatIssue(issue: ProjectIssue): string {
  const field = issue.field ? `${issue.field}: ` : '';
  const hint = issue.hint ? `\n    hint: ${issue.hint}` : '';
  return `${issue.file}:${issue.line}:${issue.column}: ${field}${issue.message}${hint}`;
}
