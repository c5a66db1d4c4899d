import { didYouMean } from './closest-name.js';
import { additiveKinds, type Metric } from './metric.js';
import { issueAt, type DefinitionKind, type Project, type ProjectIssue } from './project.js';
import { treeNodes } from './tree.js';

type Path = (string | number)[];
type Target = 'dataset' | 'metric' | 'tree' | 'person' | 'team' | 'dimension';

/** Every id that names another definition must name one that exists (formula variables: see checkFormulas). */
export function checkReferences(project: Project): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const refer = (kind: DefinitionKind, id: string, path: Path, target: Target, name: string | undefined): void => {
    if (name === undefined || exists(project, target, name)) return;
    const hint = didYouMean(name, candidates(project, target));
    issues.push(issueAt(project, kind, id, path, `unknown ${target} "${name}"`, hint ? { hint } : {}));
  };

  for (const [id, dataset] of project.datasets) {
    dataset.joins.forEach((join, i) => refer('dataset', id, ['joins', i, 'dataset'], 'dataset', join.dataset));
    dataset.rollups.forEach((rollup, i) => refer('dataset', id, ['rollups', i, 'dataset'], 'dataset', rollup.dataset));
  }
  for (const [id, metric] of project.metrics) {
    if ('dataset' in metric) refer('metric', id, ['dataset'], 'dataset', metric.dataset);
    if (metric.kind === 'ratio') {
      refer('metric', id, ['numerator'], 'metric', metric.numerator);
      refer('metric', id, ['denominator'], 'metric', metric.denominator);
    }
    if (metric.kind === 'cumulative') {
      refer('metric', id, ['of'], 'metric', metric.of);
      const of = project.metrics.get(metric.of);
      if (of && !(additiveKinds as readonly string[]).includes(of.kind)) {
        issues.push(issueAt(project, 'metric', id, ['of'], `a cumulative metric accumulates a count or sum metric, but "${of.id}" is ${article(of)}`, {
          hint: 'a running total only adds up for counts and sums; accumulate the inputs instead',
        }));
      }
    }
  }
  for (const [id, tree] of project.trees) {
    for (const { node, path } of treeNodes(tree)) refer('tree', id, [...path, 'metric'], 'metric', node.metric);
  }

  project.config.sync.schedules.forEach((schedule, i) => {
    schedule.trees.forEach((tree, j) => refer('config', 'config', ['sync', 'schedules', i, 'trees', j], 'tree', tree));
    schedule.metrics.forEach((metric, j) => refer('config', 'config', ['sync', 'schedules', i, 'metrics', j], 'metric', metric));
  });
  // A misspelt dimension would otherwise keep no slices, silently.
  project.config.sync.dimensions.forEach((dimension, i) => refer('config', 'config', ['sync', 'dimensions', i], 'dimension', dimension));
  project.config.notify?.webhooks.forEach((webhook, i) => {
    refer('config', 'config', ['notify', 'webhooks', i, 'person'], 'person', webhook.person);
    refer('config', 'config', ['notify', 'webhooks', i, 'team'], 'team', webhook.team);
  });

  const owners = (path: Path, target: Target, name: string | undefined) => refer('owners', 'owners', path, target, name);
  project.owners.people.forEach((person, i) => owners(['people', i, 'team'], 'team', person.team));
  project.owners.teams.forEach((team, i) => {
    owners(['teams', i, 'manager'], 'person', team.manager);
    owners(['teams', i, 'parent'], 'team', team.parent);
  });
  project.owners.ownership.forEach((entry, i) => {
    owners(['ownership', i, 'metric'], 'metric', entry.metric);
    owners(['ownership', i, 'responsible'], 'person', entry.responsible);
    owners(['ownership', i, 'accountable'], 'person', entry.accountable);
    entry.consulted.forEach((person, j) => owners(['ownership', i, 'consulted', j], 'person', person));
    entry.informed.forEach((person, j) => owners(['ownership', i, 'informed', j], 'person', person));
    entry.triggers?.forEach((trigger, j) => trigger.by?.forEach((dimension, k) => owners(['ownership', i, 'triggers', j, 'by', k], 'dimension', dimension)));
  });
  return issues;
}

/** Whether an id names a definition; one written but invalid counts, as its issues are already reported. */
export function exists(project: Project, target: Target, name: string): boolean {
  if (project.rejected?.has(`${target}:${name}`)) return true;
  if (target === 'dataset') return project.datasets.has(name);
  if (target === 'metric') return project.metrics.has(name);
  return [...candidates(project, target)].includes(name);
}

export function candidates(project: Project, target: Target): Iterable<string> {
  switch (target) {
    case 'dataset':
      return project.datasets.keys();
    case 'metric':
      return project.metrics.keys();
    case 'tree':
      return project.trees.keys();
    case 'person':
      return project.owners.people.map((p) => p.id);
    case 'team':
      return project.owners.teams.map((t) => t.id);
    case 'dimension':
      return new Set([...project.datasets.values()].flatMap((dataset) => dataset.dimensions.map((d) => d.name)));
  }
}

function article(metric: Metric): string {
  return /^[aeiou]/.test(metric.kind) ? `an ${metric.kind}` : `a ${metric.kind}`;
}
