import { describe, expect, it } from 'vitest';
import { checkProject } from './check-project.js';
import { loadProject } from './load-project.js';
import type { ProjectIssue } from './project.js';
import { validProjectFiles } from './test-support/valid-project.js';

/** The valid project with some files replaced, added (by path) or removed (null); it must load cleanly. */
function check(changes: Record<string, string | null>): ProjectIssue[] {
  const kept = validProjectFiles.filter((file) => !(file.path in changes));
  const added = Object.entries(changes).flatMap(([path, text]) => (text === null ? [] : [{ path, text }]));
  const { project, issues } = loadProject([...kept, ...added]);
  expect(issues).toEqual([]);
  return checkProject(project);
}

const brief = (issues: ProjectIssue[]) => issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.field}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`);

describe('checkProject: references', () => {
  it('reports an unknown metric with the closest id', () => {
    const winRate = 'id: win_rate\nkind: ratio\nnumerator: won_deal\ndenominator: opportunities_created\n';
    expect(check({ 'metrics/win_rate.yaml': winRate })).toEqual([
      { file: 'metrics/win_rate.yaml', line: 3, column: 12, field: 'numerator', message: 'unknown metric "won_deal"', hint: 'did you mean "won_deals"?' },
    ]);
  });

  it('reports unknown datasets of metrics and joins, with the list prefix of a list file', () => {
    const pipeline = validProjectFiles.find((f) => f.path === 'metrics/pipeline.yaml')!.text.replace('    dataset: opportunities\n    expr: amount', '    dataset: oportunities\n    expr: amount');
    const opportunities = validProjectFiles.find((f) => f.path === 'datasets/opportunities.yaml')!.text.replace('dataset: accounts', 'dataset: acounts');
    expect(brief(check({ 'metrics/pipeline.yaml': pipeline, 'datasets/opportunities.yaml': opportunities }))).toEqual([
      'datasets/opportunities.yaml:6:14 joins[0].dataset: unknown dataset "acounts" | did you mean "accounts"?',
      'metrics/pipeline.yaml:13:14 metrics[2].dataset: unknown dataset "oportunities" | did you mean "opportunities"?',
    ]);
  });

  it('needs an additive metric under cumulative', () => {
    expect(brief(check({ 'metrics/revenue_to_date.yaml': 'id: revenue_to_date\nkind: cumulative\nof: win_rate\nto_date: all\n' }))).toEqual([
      'metrics/revenue_to_date.yaml:3:5 of: a cumulative metric accumulates a count or sum metric, but "win_rate" is a ratio | a running total only adds up for counts and sums; accumulate the inputs instead',
    ]);
  });

  it('reports unknown tree nodes, and unknown people and teams in owners.yaml', () => {
    const tree = 'id: t\nroot:\n  metric: revenue\n  drivers:\n    - metric: win_rat\n';
    const owners = `people:
  - id: ana
    name: Ana
    role: executive
    team: sale
teams:
  - id: sales
    manager: anna
    parent: global
ownership:
  - metric: revenu
    responsible: ben
    consulted: [ana, bob]
`;
    expect(brief(check({ 'trees/t.yaml': tree, 'owners.yaml': owners }))).toEqual([
      'owners.yaml:5:11 people[0].team: unknown team "sale" | did you mean "sales"?',
      'owners.yaml:8:14 teams[0].manager: unknown person "anna" | did you mean "ana"?',
      'owners.yaml:9:13 teams[0].parent: unknown team "global" | known: sales',
      'owners.yaml:11:13 ownership[0].metric: unknown metric "revenu" | did you mean "revenue"?',
      'owners.yaml:12:18 ownership[0].responsible: unknown person "ben" | known: ana',
      'owners.yaml:13:22 ownership[0].consulted[1]: unknown person "bob" | known: ana',
      'trees/t.yaml:5:15 root.drivers[0].metric: unknown metric "win_rat" | did you mean "win_rate"?',
    ]);
  });
});

describe('checkProject: formulas', () => {
  it('reports unknown metrics and dotted names inside a formula at their column', () => {
    const formula = 'id: average_deal_size\nkind: formula\nexpr: "revenue / nullif(won_deal, 0) + opportunities.amount"\n';
    expect(brief(check({ 'metrics/average_deal_size.yaml': formula }))).toEqual([
      'metrics/average_deal_size.yaml:3:25 expr: unknown metric "won_deal" | did you mean "won_deals"?',
      'metrics/average_deal_size.yaml:3:40 expr: formula variables are metric ids: "opportunities.amount" has a dot',
    ]);
  });

  it('allows only arithmetic, reporting each refused part once', () => {
    const hint = 'use + - * /, numbers, parentheses and coalesce, nullif, abs, round, least, greatest';
    const bad = "id: bad\nkind: formula\nexpr: case when revenue > 0 then lower('x') else 1 end + (won_deals > 1) + abs(win_rate) + 'x'\n";
    const logic = 'id: logic\nkind: formula\nexpr: revenue and won_deals is null\n';
    expect(brief(check({ 'metrics/bad.yaml': bad, 'metrics/logic.yaml': logic }))).toEqual([
      `metrics/bad.yaml:3:7 expr: a formula is arithmetic over metric ids: "case" is not allowed | ${hint}`,
      `metrics/bad.yaml:3:69 expr: a formula is arithmetic over metric ids: the comparison ">" is not allowed | ${hint}`,
      `metrics/bad.yaml:3:92 expr: a formula is arithmetic over metric ids: text ('x') is not allowed | ${hint}`,
      `metrics/logic.yaml:3:15 expr: a formula is arithmetic over metric ids: "and" is not allowed | ${hint}`,
    ]);
  });
});

describe('checkProject: cycles', () => {
  it('reports a cycle among metrics once, as a chain, at the reference that starts it', () => {
    const loopA = 'id: loop_a\nkind: formula\nexpr: loop_b * 2\n';
    const loopB = 'id: loop_b\nkind: ratio\nnumerator: loop_a\ndenominator: won_deals\n';
    const self = 'id: self_made\nkind: formula\nexpr: 1 + self_made\n';
    expect(brief(check({ 'metrics/loop_a.yaml': loopA, 'metrics/loop_b.yaml': loopB, 'metrics/self.yaml': self }))).toEqual([
      'metrics/loop_a.yaml:3:7 expr: metric "loop_a" depends on itself: loop_a → loop_b → loop_a',
      'metrics/self.yaml:3:11 expr: metric "self_made" depends on itself: self_made → self_made',
    ]);
  });

  it('reports a tree node reachable from itself at the edge that closes the cycle', () => {
    const tree = validProjectFiles.find((f) => f.path === 'trees/revenue.yaml')!.text.replace('            - metric: opportunities_created\n', '            - metric: revenue\n');
    expect(brief(check({ 'trees/revenue.yaml': tree }))).toEqual([
      'trees/revenue.yaml:13:23 root.children[0].children[1].drivers[0].metric: tree node "revenue" is reachable from itself: revenue → won_deals → win_rate → revenue | an edge may not lead back to a node above it',
    ]);
  });

  it('reports teams that are their own ancestors', () => {
    const owners = 'teams:\n  - id: sales\n    parent: emea\n  - id: emea\n    parent: sales\n  - id: solo\n    parent: solo\n';
    expect(brief(check({ 'owners.yaml': owners }))).toEqual([
      'owners.yaml:3:13 teams[0].parent: team parents form a cycle: sales → emea → sales',
      'owners.yaml:7:13 teams[2].parent: team parents form a cycle: solo → solo',
    ]);
  });
});

describe('checkProject: tree shape', () => {
  it('matches formula children to the formula variables: missing and extra children reported apart', () => {
    const tree = `id: t
root:
  metric: revenue
  formula: won_deals * average_deal_size
  children:
    - metric: won_deals
    - metric: opportunities_created
    - metric: won_deals
`;
    expect(brief(check({ 'trees/t.yaml': tree }))).toEqual([
      'trees/t.yaml:6:5 root.children: the formula of "revenue" uses "average_deal_size", missing from its children | add "- metric: average_deal_size" under children',
      'trees/t.yaml:7:15 root.children[1].metric: child "opportunities_created" is not in the formula of "revenue": children are formula edges | use it in the formula, or move it to drivers (an influence edge)',
      'trees/t.yaml:8:15 root.children[2].metric: child "won_deals" is listed twice under "revenue"',
    ]);
  });

  it('needs a formula for children, and single names in tree formulas', () => {
    const tree = 'id: t\nroot:\n  metric: revenue\n  children:\n    - metric: won_deals\n    - metric: average_deal_size\n';
    const tree2 = 'id: t2\nroot:\n  metric: revenue\n  formula: a.b * won_deals\n  children:\n    - metric: won_deals\n';
    expect(brief(check({ 'trees/t.yaml': tree, 'trees/t2.yaml': tree2 }))).toEqual([
      'trees/t.yaml:5:5 root.children: children are formula edges: add formula: (how "won_deals" and "average_deal_size" make revenue), or move them to drivers',
      'trees/t2.yaml:4:12 root.formula: formula variables are metric ids: "a.b" has a dot',
    ]);
  });

  it('lets a metric carry its subtree once per tree, and appear again as a bare reference', () => {
    const tree = `id: t
root:
  metric: revenue
  drivers:
    - metric: win_rate
      drivers:
        - metric: opportunities_created
    - metric: won_deals
      drivers:
        - metric: win_rate
        - metric: win_rate
          drivers:
            - metric: opportunities_created
`;
    expect(brief(check({ 'trees/t.yaml': tree }))).toEqual([
      'trees/t.yaml:11:19 root.drivers[1].drivers[1].metric: "win_rate" already has its subtree at trees/t.yaml:5: a metric carries a formula, children or drivers once per tree | write it here as a bare reference (only metric: win_rate) to add another edge to it',
    ]);
  });
});

describe('checkProject: duplicates', () => {
  it('reports duplicate names in a dataset and in owners.yaml at the second, naming where the first is', () => {
    const accounts = 'id: accounts\ntable: account\njoins:\n  - name: owner\n    dataset: opportunities\n    foreign_key: a\n  - name: owner\n    dataset: opportunities\n    foreign_key: b\ndimensions:\n  - name: region\n  - name: region\n';
    const owners = `people:
  - { id: ana, name: Ana, role: rep }
  - { id: ana, name: Ana B, role: rep }
teams:
  - id: sales
  - id: sales
ownership:
  - { metric: revenue, responsible: ana }
  - { metric: revenue, responsible: ana }
`;
    expect(brief(check({ 'datasets/accounts.yml': accounts, 'owners.yaml': owners }))).toEqual([
      'datasets/accounts.yml:7:11 joins[1].name: duplicate join name "owner" (the first is at datasets/accounts.yml:4) | rename one of them',
      'datasets/accounts.yml:12:11 dimensions[1].name: duplicate field, rollup or dimension name "region" (the first is at datasets/accounts.yml:11) | rename one of them',
      'owners.yaml:3:11 people[1].id: duplicate person id "ana" (the first is at owners.yaml:2) | rename one of them',
      'owners.yaml:6:9 teams[1].id: duplicate team id "sales" (the first is at owners.yaml:5) | rename one of them',
      'owners.yaml:9:15 ownership[1].metric: duplicate ownership entry for metric "revenue" (the first is at owners.yaml:8) | give each metric one entry; list more people under consulted or informed',
    ]);
  });
});

describe('checkProject: sync settings', () => {
  it('name trees and metrics that exist', () => {
    const { project } = loadProject([
      { path: 'kpitree.yaml', text: 'name: p\nwarehouse: duckdb:w.duckdb\nsync:\n  schedules:\n    - cron: "*/15 * * * *"\n      trees: [revenu]\n' },
      { path: 'trees/revenue.yaml', text: 'id: revenue\nroot:\n  metric: won\n' },
      { path: 'datasets/o.yaml', text: 'id: o\ntable: o\n' },
      { path: 'metrics/won.yaml', text: 'id: won\nkind: count\ndataset: o\ntime: t\n' },
    ]);
    const issues = checkProject(project);
    expect(issues.map((i) => `${i.file}:${i.line} ${i.field}: ${i.message} (${i.hint})`)).toEqual([
      'kpitree.yaml:6 sync.schedules[0].trees[0]: unknown tree "revenu" (did you mean "revenue"?)',
    ]);
  });

  it('name dimensions that some dataset defines', () => {
    const { project } = loadProject([
      { path: 'kpitree.yaml', text: 'name: p\nwarehouse: duckdb:w.duckdb\nsync:\n  dimensions: [region, segmnt]\n' },
      { path: 'datasets/deals.yaml', text: 'id: deals\ntable: opportunity\ndimensions:\n  - name: region\n  - name: segment\n' },
    ]);
    const issues = checkProject(project);
    expect(issues.map((i) => `${i.file}:${i.line} ${i.field}: ${i.message} (${i.hint})`)).toEqual([
      'kpitree.yaml:4 sync.dimensions[1]: unknown dimension "segmnt" (did you mean "segment"?)',
    ]);
  });
});
