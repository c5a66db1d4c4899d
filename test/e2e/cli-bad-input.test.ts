import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyCrmProject, type ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';

/** Every kind of bad input gets exit code 2 and a message that names where and what, and runs nothing. */
describe('bad input to the CLI', () => {
  let project: ProjectCopy;
  beforeEach(async () => {
    project = await copyCrmProject();
  });
  afterEach(() => project.remove());

  const query = (...args: string[]) => runCli(['query', ...args, '--project', project.dir, '--from', '2025-01-01', '--to', '2025-03-31']);

  it('the fixture project is fine to begin with', async () => {
    const run = await query('win_rate');
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
  });

  it('no project in the folder', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'kpitree-empty-'));
    const run = await runCli(['validate'], { cwd: empty });
    await rm(empty, { recursive: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no kpitree project in .*kpitree\.yaml is missing.*--project DIR/);
  });

  it('a YAML syntax error names file, line and column', async () => {
    await project.write('metrics/broken.yaml', 'id: broken\nkind: count\n  dataset: [opportunities\n');
    const run = await query('win_rate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/metrics\/broken\.yaml:\d+:\d+: /);
    expect(run.stdout).toBe('');
  });

  it('a misspelt column is found against the warehouse before any query, with file:line:col and a hint', async () => {
    await project.edit('metrics/money.yaml', (text) => text.replace('expr: amount\n    time: created_at', 'expr: amout\n    time: created_at'));
    const run = await query('pipeline_created');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing was run');
    expect(run.stderr).toMatch(/metrics\/money\.yaml:5:11: metrics\[0\]\.expr: "amout" is neither a field of dataset opportunities nor a column of main\.opportunities\n\s+hint: did you mean "amount"\?/);
  });

  it('an unknown table', async () => {
    await project.edit('datasets/users.yaml', (text) => text.replace('table: users', 'table: userz'));
    const run = await query('win_rate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/datasets\/users\.yaml:2:8: table: table "userz" does not exist in the warehouse\n\s+hint: did you mean "users"\?/);
  });

  it('a formula that references a missing metric, and a cycle, are reported together', async () => {
    await project.write('metrics/bad.yaml', 'metrics:\n  - id: a\n    kind: formula\n    expr: b + won_dealz\n  - id: b\n    kind: ratio\n    numerator: a\n    denominator: won_deals\n');
    const run = await runCli(['validate', '--offline', '-p', project.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/metrics\/bad\.yaml:4:\d+: .*won_dealz.*\n\s+hint: did you mean "won_deals"\?/);
    expect(run.stderr).toMatch(/a → b → a|b → a → b/);
  });

  it('a non-numeric target', async () => {
    await project.write('owners.yaml', 'people:\n  - id: ana\n    name: Ana\n    role: rep\nownership:\n  - metric: win_rate\n    responsible: ana\n    target: { value: high, direction: higher }\n');
    const run = await runCli(['validate', '--offline', '-p', project.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/owners\.yaml:8:\d+: ownership\[0\]\.target\.value: .*number/);
  });

  it('an unknown metric, with a hint', async () => {
    const run = await query('win_rat');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/<metric>: unknown metric "win_rat" \(did you mean "win_rate"\?\)/);
  });

  it('an unknown dimension, a bad grain, a bad period, a bad filter, an inverted range, an unknown option', async () => {
    const byRegoin = await query('win_rate', '--by', 'regoin');
    expect(byRegoin.code).toBe(2);
    expect(byRegoin.stderr).toMatch(/--by: dimension "regoin" is not defined on dataset opportunities .*did you mean "region"/);
    const grain = await query('win_rate', '--grain', 'fortnight');
    expect(grain.stderr).toMatch(/--grain: "fortnight" is not a grain; use one of day, week, month, quarter, year/);
    const period = await runCli(['query', 'win_rate', '-p', project.dir, '--from', '2025-13']);
    expect(period.stderr).toMatch(/--from: "2025-13" is not a period; write a date/);
    const where = await query('win_rate', '--where', 'region');
    expect(where.stderr).toMatch(/--where: "region" should read dimension=value/);
    const inverted = await runCli(['query', 'win_rate', '-p', project.dir, '--from', '2025-03', '--to', '2025-01']);
    expect(inverted.stderr).toMatch(/--from \(2025-03\) is after --to \(2025-01\)/);
    const option = await query('win_rate', '--colour');
    expect(option.stderr).toMatch(/unknown option '--colour'/);
    for (const run of [grain, period, where, inverted, option]) expect(run.code).toBe(2);
  });
});

describe('warehouse settings the CLI refuses or cannot reach', () => {
  it('a password inside the URL is refused (exit 2) and never printed', async () => {
    const project = await copyCrmProject('postgres://root:s3cret-pw@127.0.0.1:5432/kpitree_test');
    const run = await runCli(['validate', '-p', project.dir]);
    await project.remove();
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('s3cret-pw');
    expect(run.stderr).toMatch(/password/i);
  });

  it('an unreachable warehouse is a runtime failure (exit 1) that says where it tried', async () => {
    const project = await copyCrmProject('postgres://root@127.0.0.1:1/kpitree_test');
    const run = await runCli(['query', 'win_rate', '-p', project.dir]);
    await project.remove();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/127\.0\.0\.1:1/);
  });
});
