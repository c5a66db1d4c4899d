import { checkCycles } from './check-cycles.js';
import { checkDuplicates } from './check-duplicates.js';
import { checkFormulas } from './check-formulas.js';
import { checkReferences } from './check-references.js';
import { checkTrees } from './check-trees.js';
import type { Project, ProjectIssue } from './project.js';
import { sortIssues } from './sort-issues.js';

/**
 * Graph checks over a loaded project: unique names, references that resolve, no cycles, trees
 * whose formula edges match their formulas, arithmetic-only formulas. Every issue, in file order.
 */
export function checkProject(project: Project): ProjectIssue[] {
  return sortIssues([
    ...checkDuplicates(project),
    ...checkReferences(project),
    ...checkFormulas(project),
    ...checkCycles(project),
    ...checkTrees(project),
  ]);
}
