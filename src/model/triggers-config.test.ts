import { describe, expect, it } from 'vitest';
import { checkProject } from './check-project.js';
import { loadProject } from './load-project.js';
import { formatIssue } from './project.js';

function issuesOf(files: Record<string, string>): string[] {
  const { project, issues } = loadProject(Object.entries({ 'kpitree.yaml': 'name: t\nwarehouse: "duckdb::memory:"\n', ...files }).map(([path, text]) => ({ path, text })));
  return [...issues, ...checkProject(project)].map(formatIssue);
}

const owners = (entry: string) => ({
  'datasets/d.yaml': 'id: d\ntable: d\n',
  'metrics/m.yaml': 'id: m\nkind: count\ndataset: d\ntime: ts\n',
  'owners.yaml': `people:\n  - { id: ana, name: Ana, role: rep }\nownership:\n  - metric: m\n    responsible: ana\n${entry}`,
});

describe('triggers in owners.yaml and notify settings in kpitree.yaml', () => {
  it('accepts triggers that combine conditions, and files without triggers', () => {
    expect(issuesOf(owners('    threshold: { value: 3 }\n    playbook: { action: Act, due: 1 day }\n    triggers:\n      - { id: t, when: [threshold, anomaly, { decline: 3 }] }\n'))).toEqual([]);
    expect(issuesOf(owners('    threshold: { value: 3 }\n'))).toEqual([]);
    const byRegion = owners('    threshold: { value: 3 }\n    playbook: { action: Act, due: 1 day }\n    triggers:\n      - { id: t, when: [threshold], by: [regoin] }\n');
    expect(issuesOf({ ...byRegion, 'datasets/d.yaml': 'id: d\ntable: d\ndimensions:\n  - name: region\n' })).toEqual([
      'owners.yaml:9:42: ownership[0].triggers[0].by[0]: unknown dimension "regoin"\n    hint: did you mean "region"?',
    ]);
  });

  it('points at the trigger that cannot work, by file:line and field', () => {
    expect(issuesOf(owners('    triggers:\n      - { id: t, when: [threshold] }\n'))).toEqual([
      'owners.yaml:7:9: ownership[0].triggers[0]: a trigger opens an action plan: give this ownership a playbook (action and due)',
      'owners.yaml:7:25: ownership[0].triggers[0].when[0]: the threshold condition needs a threshold on this ownership (value, or margin with a target)',
    ]);
    const playbook = '    playbook: { action: Act, due: 1 day }\n';
    expect(issuesOf(owners(`${playbook}    triggers:\n      - { id: t, when: [{ decline: 1 }] }\n      - { id: t, when: [anomaly] }\n`))).toEqual([
      'owners.yaml:8:36: ownership[0].triggers[0].when[0].decline: expected a number at least 2, found the number 1',
      'owners.yaml:9:15: ownership[0].triggers[1].id: trigger id "t" is used twice for m',
    ]);
  });

  it('checks webhooks: one person or team that exists, the url from an environment variable', () => {
    const config = (webhooks: string) => ({ ...owners(''), 'kpitree.yaml': `name: t\nwarehouse: "duckdb::memory:"\nnotify:\n  webhooks:\n${webhooks}` });
    expect(issuesOf(config('    - { person: anna, url_env: SLACK }\n'))).toEqual(['kpitree.yaml:5:17: notify.webhooks[0].person: unknown person "anna"\n    hint: did you mean "ana"?']);
    // A url written in the file is refused: it is a secret, so the file names the variable that holds it.
    expect(issuesOf(config('    - { url: "https://hooks.slack.com/x", person: ana }\n'))).toEqual([
      'kpitree.yaml:5:7: notify.webhooks[0].url_env: missing field "url_env"',
      'kpitree.yaml:5:9: notify.webhooks[0].url: unknown field "url"\n    hint: known fields: person, team, url_env',
    ]);
    expect(issuesOf(config('    - { person: ana, team: ae, url_env: X }\n'))).toEqual(['kpitree.yaml:5:7: notify.webhooks[0]: a webhook is for exactly one of person or team']);
  });
});
