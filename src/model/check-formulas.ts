import { didYouMean } from './closest-name.js';
import { expressionRefs } from './expression/index.js';
import { formulaProblems } from './formula-rules.js';
import { exists } from './check-references.js';
import { issueAt, type Project, type ProjectIssue } from './project.js';

/** Formula metrics: arithmetic only, over the ids of metrics that exist. */
export function checkFormulas(project: Project): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  for (const [id, metric] of project.metrics) {
    if (metric.kind !== 'formula') continue;
    for (const problem of formulaProblems(metric.expr)) {
      issues.push(issueAt(project, 'metric', id, ['expr'], problem.message, { offset: problem.offset, ...(problem.hint ? { hint: problem.hint } : {}) }));
    }
    for (const ref of expressionRefs(metric.expr.ast)) {
      const name = ref.path[0]!;
      if (ref.path.length > 1 || exists(project, 'metric', name)) continue;
      const hint = didYouMean(name, project.metrics.keys());
      issues.push(issueAt(project, 'metric', id, ['expr'], `unknown metric "${name}"`, { offset: ref.start, ...(hint ? { hint } : {}) }));
    }
  }
  return issues;
}
