import { describeValue } from './describe-value.js';
import { formatField, type ProjectIssue } from './project.js';
import type { YamlFile } from './yaml-file.js';

export type DefinitionFolder = 'datasets' | 'metrics' | 'trees';

/** One definition as written: its plain value and where it sits in its file (["metrics", 2] in a list file). */
export interface RawDefinition {
  value: unknown;
  prefix: (string | number)[];
}

/** A file under datasets/, metrics/ or trees/ holds one definition, or a list under a key named after the folder. */
export function splitDefinitions(file: YamlFile, folder: DefinitionFolder): { definitions: RawDefinition[]; issues: ProjectIssue[] } {
  const root = file.value;
  if (root === undefined) return { definitions: [], issues: [] };
  const singular = folder.slice(0, -1);
  const issue = (path: (string | number)[], message: string, hint?: string, at: 'key' | 'value' = 'value'): ProjectIssue => ({
    file: file.path,
    ...(at === 'key' ? file.locateKey(path) : file.locate(path)),
    field: formatField(path),
    message,
    ...(hint ? { hint } : {}),
  });

  if (!isMapping(root)) {
    const hint = Array.isArray(root) ? `put "${folder}:" on the first line and indent the list under it` : undefined;
    const message = `expected one ${singular} (a mapping with id) or a list under "${folder}:", found ${describeValue(root)}`;
    return { definitions: [], issues: [issue([], message, hint)] };
  }
  if (!Object.hasOwn(root, folder)) return { definitions: [{ value: root, prefix: [] }], issues: [] };

  const issues = Object.keys(root)
    .filter((key) => key !== folder)
    .map((key) =>
      issue([key], `unknown field "${key}": a file that lists ${folder} has only the key "${folder}"`, `move "${key}" into one of the ${folder}`, 'key'),
    );
  const list = root[folder];
  if (!Array.isArray(list)) {
    const hint = `write each ${singular} as a list item: "- id: …"`;
    issues.push(issue([folder], `expected a list of ${folder} under "${folder}", found ${describeValue(list)}`, hint));
    return { definitions: [], issues };
  }
  return { definitions: list.map((value, i) => ({ value, prefix: [folder, i] })), issues };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
