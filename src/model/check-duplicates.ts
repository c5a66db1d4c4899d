import { issueAt, sourceKey, type DefinitionKind, type Project, type ProjectIssue } from './project.js';

type Path = (string | number)[];

/**
 * Names that must be unique inside one definition: fields, dimensions and joins of a dataset; people,
 * teams and ownership entries in owners.yaml. (Ids of datasets, metrics and trees, which may clash
 * across files, are checked while loading: the project can hold only one of each.)
 */
export function checkDuplicates(project: Project): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  for (const [id, dataset] of project.datasets) {
    const at = { project, kind: 'dataset' as const, id };
    const named: [string, Path][] = [
      ...dataset.fields.map((f, i): [string, Path] => [f.name, ['fields', i, 'name']]),
      ...dataset.rollups.map((r, i): [string, Path] => [r.name, ['rollups', i, 'name']]),
      ...dataset.dimensions.map((d, i): [string, Path] => [d.name, ['dimensions', i, 'name']]),
    ];
    issues.push(...duplicates(at, named, 'field, rollup or dimension name'));
    issues.push(...duplicates(at, dataset.joins.map((j, i) => [j.name, ['joins', i, 'name']]), 'join name'));
  }
  const owners = { project, kind: 'owners' as const, id: 'owners' };
  const { people, teams, ownership } = project.owners;
  issues.push(...duplicates(owners, people.map((p, i) => [p.id, ['people', i, 'id']]), 'person id'));
  issues.push(...duplicates(owners, teams.map((t, i) => [t.id, ['teams', i, 'id']]), 'team id'));
  issues.push(
    ...duplicates(
      owners,
      ownership.map((o, i) => [o.metric, ['ownership', i, 'metric']]),
      'ownership entry for metric',
      'give each metric one entry; list more people under consulted or informed',
    ),
  );
  return issues;
}

interface Where {
  project: Project;
  kind: DefinitionKind;
  id: string;
}

function duplicates(where: Where, entries: [string, Path][], what: string, hint = 'rename one of them'): ProjectIssue[] {
  const first = new Map<string, Path>();
  const issues: ProjectIssue[] = [];
  for (const [name, path] of entries) {
    const earlier = first.get(name);
    if (!earlier) {
      first.set(name, path);
      continue;
    }
    const source = where.project.sources.get(sourceKey(where.kind, where.id));
    const firstAt = source ? ` (the first is at ${source.file}:${source.locate(earlier).line})` : '';
    issues.push(issueAt(where.project, where.kind, where.id, path, `duplicate ${what} "${name}"${firstAt}`, { hint }));
  }
  return issues;
}
