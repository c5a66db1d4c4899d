import type { ProjectIssue } from './project.js';

/** Issues in reading order: by file, then line, then column (stable otherwise). */
export function sortIssues(issues: ProjectIssue[]): ProjectIssue[] {
  return [...issues].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
