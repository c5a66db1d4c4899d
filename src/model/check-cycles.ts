import { expressionRefs } from './expression/index.js';
import { findCycles, formatCycle } from './find-cycles.js';
import { metricInputs, type Metric } from './metric.js';
import { issueAt, type Project, type ProjectIssue } from './project.js';

/** A metric may not depend on itself through any chain of inputs; a team may not be its own ancestor. */
export function checkCycles(project: Project): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const inputs = (id: string) => metricInputs(project.metrics.get(id)!).filter((input) => project.metrics.has(input));
  for (const cycle of findCycles(project.metrics.keys(), inputs)) {
    const [first, second] = [cycle[0]!, cycle[1] ?? cycle[0]!];
    const { path, offset } = referenceTo(project.metrics.get(first)!, second);
    issues.push(issueAt(project, 'metric', first, path, `metric "${first}" depends on itself: ${formatCycle(cycle)}`, offset === undefined ? {} : { offset }));
  }

  const teams = project.owners.teams;
  const parentOf = (id: string) => teams.filter((t) => t.id === id && t.parent && teams.some((p) => p.id === t.parent)).map((t) => t.parent!);
  for (const cycle of findCycles(teams.map((t) => t.id), parentOf)) {
    const index = teams.findIndex((t) => t.id === cycle[0]);
    issues.push(issueAt(project, 'owners', 'owners', ['teams', index, 'parent'], `team parents form a cycle: ${formatCycle(cycle)}`));
  }
  return issues;
}

/** The field of `metric` that names `input`, for pointing at a cycle's first step. */
function referenceTo(metric: Metric, input: string): { path: string[]; offset?: number } {
  switch (metric.kind) {
    case 'ratio':
      return { path: [metric.numerator === input ? 'numerator' : 'denominator'] };
    case 'cumulative':
      return { path: ['of'] };
    case 'formula': {
      const ref = expressionRefs(metric.expr.ast).find((r) => r.path.join('.') === input);
      return { path: ['expr'], ...(ref ? { offset: ref.start } : {}) };
    }
    default:
      return { path: ['id'] };
  }
}
