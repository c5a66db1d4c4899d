import { describe, expect, it } from 'vitest';
import { checkProject } from './check-project.js';
import { loadProject, type ProjectFile } from './load-project.js';
import { issueAt, sourceKey, type ProjectIssue } from './project.js';
import { treeNodes } from './tree.js';
import { validProjectFiles } from './test-support/valid-project.js';

const config: ProjectFile = { path: 'kpitree.yaml', text: 'name: test\nwarehouse: duckdb:memory\n' };

function load(files: Record<string, string>) {
  return loadProject([config, ...Object.entries(files).map(([path, text]) => ({ path, text }))]);
}

function only(issues: ProjectIssue[]): ProjectIssue {
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

function issueOf(issues: ProjectIssue[], field: string): ProjectIssue {
  const found = issues.filter((issue) => issue.field === field);
  expect(found, `one issue at ${field} in ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0]!;
}

describe('loadProject: a valid project', () => {
  const { project, issues } = loadProject(validProjectFiles);

  it('loads with no issue, and its graph checks pass', () => {
    expect(issues).toEqual([]);
    expect(checkProject(project)).toEqual([]);
  });

  it('reads the config with its defaults and durations', () => {
    expect(project.config.name).toBe('acme_revenue');
    expect(project.config.warehouse).toEqual({ url: 'duckdb:warehouse.duckdb', schema: 'crm', statement_timeout: { text: '2 minutes', seconds: 120 } });
    expect(project.config.calendar).toEqual({ week_start: 'sunday', fiscal_year_start_month: 2, timezone: 'America/New_York' });
  });

  it('reads datasets from .yaml and .yml files, with joins and default fields', () => {
    expect([...project.datasets.keys()]).toEqual(['accounts', 'opportunities']);
    const opportunities = project.datasets.get('opportunities')!;
    expect(opportunities.primary_key).toBeUndefined();
    expect(opportunities.joins).toEqual([{ name: 'account', dataset: 'accounts', foreign_key: 'account_id' }]);
    expect(opportunities.dimensions.map((d) => [d.name, d.expr?.text])).toEqual([['region', 'account.region'], ['stage', undefined]]);
    expect(opportunities.where?.ast).toMatchObject({ type: 'unary', op: 'not', operand: { type: 'ref', path: ['is_deleted'] } });
    expect(project.datasets.get('accounts')!.primary_key).toBe('account_id');
  });

  it('reads one metric per file and lists of metrics, each kind with its fields', () => {
    expect([...project.metrics.keys()].sort()).toEqual(
      ['average_deal_size', 'opportunities_created', 'revenue', 'revenue_to_date', 'win_rate', 'won_deals'],
    );
    expect(project.metrics.get('revenue')).toMatchObject({ kind: 'sum', format: 'currency', tags: ['finance'], expr: { text: 'amount' } });
    expect(project.metrics.get('won_deals')).toMatchObject({ kind: 'count', format: 'number', tags: [], filter: { text: 'is_won' } });
    expect(project.metrics.get('win_rate')).toMatchObject({ kind: 'ratio', numerator: 'won_deals', denominator: 'opportunities_created' });
    expect(project.metrics.get('average_deal_size')).toMatchObject({
      kind: 'formula',
      expr: { text: 'revenue / nullif(won_deals, 0)', ast: { type: 'binary', op: '/', right: { type: 'call', name: 'nullif' } } },
    });
    expect(project.metrics.get('revenue_to_date')).toMatchObject({ kind: 'cumulative', of: 'revenue', to_date: 'quarter' });
  });

  it('reads the tree with formula and influence edges', () => {
    const edges = treeNodes(project.trees.get('revenue_tree')!).flatMap(({ edge }) => (edge ? [edge] : []));
    expect(edges).toEqual([
      { parent: 'revenue', child: 'won_deals', type: 'formula' },
      { parent: 'won_deals', child: 'opportunities_created', type: 'formula' },
      { parent: 'won_deals', child: 'win_rate', type: 'formula' },
      { parent: 'win_rate', child: 'opportunities_created', type: 'influence', sign: 'negative', lag: { text: '2 weeks', seconds: 1209600 } },
      { parent: 'revenue', child: 'average_deal_size', type: 'formula' },
    ]);
  });

  it('reads owners: people, teams, ownership with target, threshold and playbook', () => {
    expect(project.owners.people.map((p) => [p.id, p.role, p.team])).toEqual([['ana', 'executive', 'sales'], ['ben', 'manager', 'emea']]);
    expect(project.owners.teams).toEqual([{ id: 'sales', name: 'Sales', manager: 'ana' }, { id: 'emea', manager: 'ben', parent: 'sales' }]);
    expect(project.owners.ownership[0]).toEqual({
      metric: 'revenue',
      responsible: 'ben',
      accountable: 'ana',
      consulted: ['ana'],
      informed: [],
      target: { value: 1200000, direction: 'higher', periods: { '2026-Q3': 1500000 } },
      threshold: { margin: 0.1 },
      review: 'weekly',
      playbook: { action: 'Review every open opportunity in EMEA', due: { text: '3 days', seconds: 259200 } },
    });
  });

  it('keeps where each definition was written, for later checks that point into it', () => {
    const revenue = project.sources.get(sourceKey('metric', 'revenue'))!;
    expect(revenue.file).toBe('metrics/pipeline.yaml');
    expect(revenue.locate(['filter'], 11)).toEqual({ line: 16, column: 24 });
    expect(revenue.fieldName?.(['filter'])).toBe('metrics[2].filter');
    expect(issueAt(project, 'metric', 'revenue', ['filter'], 'unknown column "amount"', { offset: 11 })).toEqual({
      file: 'metrics/pipeline.yaml', line: 16, column: 24, field: 'metrics[2].filter', message: 'unknown column "amount"',
    });
    expect(project.sources.get(sourceKey('config', 'config'))!.locate(['calendar', 'timezone'])).toEqual({ line: 10, column: 13 });
    expect(project.sources.get(sourceKey('owners', 'owners'))!.locate(['ownership', 0, 'playbook', 'due'])).toEqual({ line: 33, column: 12 });
    expect(project.sources.get(sourceKey('tree', 'revenue_tree'))!.locate(['root', 'children', 0, 'children', 1, 'drivers', 0, 'lag'])).toEqual({
      line: 14, column: 20,
    });
  });
});

describe('loadProject: YAML problems', () => {
  it('still validates a file whose only YAML problem is a duplicate key', () => {
    const { issues } = load({ 'metrics/dup.yaml': 'id: revenue\nkind: count\ndataset: opportunities\nkind: sum\ntime: close_date\n' });
    expect(issueOf(issues, 'kind')).toMatchObject({ file: 'metrics/dup.yaml', line: 4, column: 1, message: 'duplicate key "kind": it is already set on line 2' });
    expect(issueOf(issues, 'expr')).toMatchObject({ line: 1, column: 1, message: 'a sum needs expr: the value to aggregate' });
  });

});

describe('loadProject: definitions that do not fit the schema', () => {
  it('points a missing field at the mapping that lacks it, saying what the field is', () => {
    const issue = only(load({ 'metrics/won.yaml': 'id: won_deals\nkind: count\ndataset: opportunities\n' }).issues);
    expect(issue).toEqual({
      file: 'metrics/won.yaml', line: 1, column: 1, field: 'time',
      message: 'missing field "time" (the timestamp or date that puts a row in a period)',
    });
  });

  it('says what type was expected and what was found (a non-numeric target)', () => {
    const owners = 'ownership:\n  - metric: revenue\n    responsible: ana\n    target:\n      value: "high"\n      direction: higher\n';
    const issue = only(load({ 'owners.yaml': owners }).issues);
    expect(issue).toEqual({
      file: 'owners.yaml', line: 5, column: 14, field: 'ownership[0].target.value', message: 'expected a number, found the text "high"',
    });
  });

  it('points an unknown key at the key itself, with the closest known key', () => {
    const { issues } = load({ 'metrics/win_rate.yaml': 'id: win_rate\nkind: ratio\nnumerator: won_deals\ndenominatr: opportunities\n' });
    expect(issueOf(issues, 'denominatr')).toEqual({
      file: 'metrics/win_rate.yaml', line: 4, column: 1, field: 'denominatr', message: 'unknown field "denominatr"', hint: 'did you mean "denominator"?',
    });
    expect(issueOf(issues, 'denominator')).toMatchObject({ line: 1, column: 1, message: 'missing field "denominator" (the id of the metric below the line)' });
  });

  it('lists the allowed values of an enum, with the closest one', () => {
    const { issues } = load({ 'metrics/win_rate.yaml': 'id: win_rate\nkind: ratio\nnumerator: won_deals\ndenominator: opportunities\nformat: percnt\n' });
    expect(only(issues)).toEqual({
      file: 'metrics/win_rate.yaml', line: 5, column: 9, field: 'format',
      message: '"percnt" is not a valid format: expected one of number, integer, currency, percent, days, hours',
      hint: 'did you mean "percent"?',
    });
  });

  it('lists the known kinds for an unknown kind, and for a missing one', () => {
    const { issues } = load({ 'metrics/list.yaml': 'metrics:\n  - id: margin\n    kind: fomula\n    expr: revenue - cost\n  - id: cost\n    expr: x\n' });
    const kinds = 'count, count_distinct, sum, average, min, max, median, percentile, ratio, formula, conversion, snapshot, cumulative';
    expect(issueOf(issues, 'metrics[0].kind')).toEqual({
      file: 'metrics/list.yaml', line: 3, column: 11, field: 'metrics[0].kind',
      message: `unknown kind "fomula": expected one of ${kinds}`, hint: 'did you mean "formula"?',
    });
    expect(issueOf(issues, 'metrics[1].kind')).toMatchObject({ line: 5, column: 5, message: 'missing field "kind" (what sort of metric this is)', hint: `one of ${kinds}` });
  });

  it('points an expression syntax error at its column in plain, single-quoted and double-quoted scalars', () => {
    const { issues } = load({
      'metrics/plain.yaml': 'id: won\nkind: count\ndataset: opportunities\ntime: close_date\nfilter: is_won and and amount > 0\n',
      'metrics/single.yaml': "id: won\nkind: count\ndataset: opportunities\ntime: close_date\nfilter: 'stage = ''Closed Won'' and amount >> 0'\n",
      'metrics/double.yaml': 'id: margin\nkind: formula\nexpr: "\\"rate\\" * * 2"\n',
    });
    expect(issues).toEqual([
      { file: 'metrics/double.yaml', line: 3, column: 19, field: 'expr', message: 'unexpected "*": expected a value, a name or a function' },
      { file: 'metrics/plain.yaml', line: 5, column: 20, field: 'filter', message: 'unexpected "and": expected a value, a name or a function' },
      { file: 'metrics/single.yaml', line: 5, column: 45, field: 'filter', message: 'unexpected ">": expected a value, a name or a function' },
    ]);
  });

  it('points into folded block scalars approximately: at the right line', () => {
    const issue = only(load({ 'metrics/block.yaml': 'id: margin\nkind: formula\nexpr: >-\n  revenue\n  - * cost\n' }).issues);
    expect(issue).toMatchObject({ line: 5, column: 5, field: 'expr' });
  });

  it('reports a bad duration', () => {
    const tree = 'id: t\nroot:\n  metric: revenue\n  drivers:\n    - metric: win_rate\n      lag: 3 fortnights\n';
    expect(only(load({ 'trees/t.yaml': tree }).issues)).toEqual({
      file: 'trees/t.yaml', line: 6, column: 12, field: 'root.drivers[0].lag',
      message: 'expected a duration such as "24h", "3 days" or "4 weeks", got "3 fortnights"',
    });
  });

  it('explains a value that fits no member of a union, and an id that is not snake_case', () => {
    const { issues } = loadProject([
      { path: 'kpitree.yaml', text: 'name: test\nwarehouse: 5432\n' },
      { path: 'datasets/o.yaml', text: 'id: Opportunities\ntable: opportunity\n' },
    ]);
    expect(issues.map((i) => [i.file, i.line, i.column, i.field, i.message])).toEqual([
      ['datasets/o.yaml', 1, 5, 'id', 'an id is snake_case: lower-case letters, digits and _, starting with a letter (found "Opportunities")'],
      ['kpitree.yaml', 2, 12, 'warehouse', 'expected a text or a mapping (key: value lines), found the number 5432'],
    ]);
  });

  it('needs expr for aggregates other than count', () => {
    const issue = only(load({ 'metrics/amount.yaml': 'id: amount\nkind: average\ndataset: opportunities\ntime: close_date\n' }).issues);
    expect(issue).toMatchObject({ line: 1, column: 1, field: 'expr', message: 'an average needs expr: the value to aggregate' });
  });
});

describe('loadProject: files and ids', () => {
  it('prefixes fields of a file that lists several definitions', () => {
    const { project, issues } = load({ 'metrics/sales.yaml': 'metrics:\n  - id: won\n    kind: count\n    dataset: opportunities\n  - id: lost\n    kind: count\n    dataset: opportunities\n    time: close_date\n' });
    expect(only(issues)).toEqual({ file: 'metrics/sales.yaml', line: 2, column: 5, field: 'metrics[0].time', message: expect.stringContaining('missing field "time"') });
    expect([...project.metrics.keys()]).toEqual(['lost']);
    expect(project.sources.get(sourceKey('metric', 'lost'))!.locate(['time'])).toEqual({ line: 8, column: 11 });
  });

  it('refuses other keys beside the list, a list that is not one, and a bare list', () => {
    const { issues } = load({
      'datasets/a.yaml': 'datasets:\n  - id: a\n    table: a\nversion: 2\n',
      'datasets/b.yaml': 'datasets:\n  id: b\n',
      'trees/c.yaml': '- id: c\n  root:\n    metric: revenue\n',
    });
    expect(issues.map((i) => [i.file, i.line, i.column, i.field, i.message])).toEqual([
      ['datasets/a.yaml', 4, 1, 'version', 'unknown field "version": a file that lists datasets has only the key "datasets"'],
      ['datasets/b.yaml', 2, 3, 'datasets', 'expected a list of datasets under "datasets", found a mapping'],
      ['trees/c.yaml', 1, 1, '', 'expected one tree (a mapping with id) or a list under "trees:", found a list'],
    ]);
  });

  it('reports a duplicate id across two files at the second, naming the file and line of the first', () => {
    const { project, issues } = load({
      'metrics/a.yaml': 'id: revenue\nkind: sum\ndataset: opportunities\nexpr: amount\ntime: close_date\n',
      'metrics/b.yaml': 'metrics:\n  - id: won\n    kind: count\n    dataset: opportunities\n    time: close_date\n  - id: revenue\n    kind: count\n    dataset: opportunities\n    time: close_date\n',
    });
    expect(only(issues)).toEqual({
      file: 'metrics/b.yaml', line: 6, column: 9, field: 'metrics[1].id',
      message: 'duplicate metric id "revenue": it is already defined at metrics/a.yaml:1', hint: 'rename one of them; ids are unique among metrics',
    });
    expect(project.metrics.get('revenue')!.kind).toBe('sum');
  });

  it('needs kpitree.yaml, and ignores files outside the known places', () => {
    const { issues } = loadProject([
      { path: 'notes/x.yaml', text: '{' },
      { path: 'metrics/readme.md', text: '{' },
      { path: 'models/kpitree.yaml', text: '{' },
    ]);
    expect(only(issues)).toMatchObject({ file: 'kpitree.yaml', line: 1, column: 1, message: 'the project has no kpitree.yaml' });
  });

  it('reports every issue of every file in one run, in file order, and keeps every valid definition', () => {
    const { project, issues } = loadProject([
      { path: 'trees/t.yaml', text: 'id: t\nroot:\n  metric: revenue\n  sign: up\n' },
      { path: 'kpitree.yaml', text: 'name: test\nwarehouse: duckdb:memory\ncalendar:\n  week_start: moonday\n' },
      { path: 'metrics/a.yaml', text: 'id: a\nkind: ratio\nnumerator: b\n' },
      { path: 'metrics/b.yaml', text: 'id: b\nkind: count\ndataset: d\ntime: t\n' },
      { path: 'owners.yaml', text: 'people:\n  - id: ann\n    role: boss\n' },
    ]);
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.field}`)).toEqual([
      'kpitree.yaml:4:15 calendar.week_start',
      'metrics/a.yaml:1:1 denominator',
      'owners.yaml:2:5 people[0].name',
      'owners.yaml:3:11 people[0].role',
      'trees/t.yaml:4:3 root.sign',
    ]);
    expect([...project.metrics.keys()]).toEqual(['b']);
  });

  it('keeps the valid entries of owners.yaml, pointing at them where the file has them', () => {
    const owners = 'people:\n  - id: ann\n    role: boss\n  - id: bob\n    name: Bob\n    role: rep\n    team: sals\nteams:\n  - id: sales\n';
    const { project, issues } = load({ 'owners.yaml': owners });
    expect(issues.map((i) => i.field)).toEqual(['people[0].name', 'people[0].role']);
    expect(project.owners.people.map((p) => p.id)).toEqual(['bob']);
    expect(checkProject(project)).toEqual([
      { file: 'owners.yaml', line: 7, column: 11, field: 'people[1].team', message: 'unknown team "sals"', hint: 'did you mean "sales"?' },
    ]);
  });

  it('does not report references to definitions that are written but invalid as unknown', () => {
    const { project, issues } = load({
      'metrics/win_rate.yaml': 'id: win_rate\nkind: ratio\nnumerator: a\ndenominator: b\nformat: pct\n',
      'trees/t.yaml': 'id: t\nroot:\n  metric: win_rate\n',
    });
    expect(only(issues).field).toBe('format');
    expect(checkProject(project)).toEqual([]);
  });
});

describe('kpitree.yaml sync settings', () => {
  const load = (sync: string) =>
    loadProject([{ path: 'kpitree.yaml', text: `name: p\nwarehouse: duckdb:w.duckdb\nsync:\n${sync}` }]);

  it('default to a daily run at 06:00 of week, month and quarter, recomputing 90 days', () => {
    const { project, issues } = loadProject([{ path: 'kpitree.yaml', text: 'name: p\nwarehouse: duckdb:w.duckdb\n' }]);
    expect(issues).toEqual([]);
    expect(project.config.sync).toMatchObject({ cron: '0 6 * * *', grains: ['week', 'month', 'quarter'], restatement: { seconds: 90 * 86400 }, attempts: 3 });
  });

  it('name a bad cron expression, grain or schedule by line', () => {
    const { issues } = load('  cron: "every morning"\n  grains: [week, fortnight]\n  schedules:\n    - cron: "*/15 * * * *"\n');
    expect(issues.map((i) => `${i.line} ${i.field}: ${i.message}`)).toEqual([
      expect.stringMatching(/^4 sync\.cron: expected a cron expression/),
      expect.stringMatching(/^5 sync\.grains\[1\]: /),
      expect.stringMatching(/^7 sync\.schedules\[0\]: a schedule names at least one tree or metric/),
    ]);
  });
});
