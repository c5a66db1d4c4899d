import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansProjectFiles, storeWinRates } from '../../src/actions/test-support/plans-project.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';

const catalogue = resolve(import.meta.dirname, '../../catalog/salesforce');

describe('kpitree audit', () => {
  it('reports the catalogue findings with fixes and exits 1; --format json is the same findings', async () => {
    const table = await runCli(['audit', '--project', catalogue]);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^rule +subject +where +finding +fix/);
    expect(table.stdout).toMatch(/leading_indicator +conversion_quality +layer conversion_quality has no leading indicator/);
    expect(table.stderr).toMatch(/^error: the KPI audit has \d+ findings \(\d+ threshold, \d+ playbook, \d+ cadence, \d+ revenue_link, 1 leading_indicator\); each row says how to fix it/);
    const json = await runCli(['audit', '--project', catalogue, '--format', 'json']);
    expect(json.code).toBe(1);
    const findings = JSON.parse(json.stdout) as { rule: string; subject: string; fix: string; at?: { file: string; line: number } }[];
    expect(findings.length).toBe(table.stdout.trim().split('\n').length - 2);
    expect(findings.find((f) => f.subject === 'campaign_responses' && f.rule === 'cadence')).toMatchObject({
      fix: 'change review: monthly to review: weekly',
      at: { file: 'owners.yaml' },
    });
  });

  it('exits 0 on a clean project and 2 on bad input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kpitree-audit-'));
    try {
      const files = {
        'kpitree.yaml': 'name: clean\nwarehouse: "duckdb::memory:"\n',
        'datasets/d.yaml': 'id: d\ntable: d\n',
        'metrics/m.yaml': `metrics:
  - { id: revenue, kind: sum, dataset: d, expr: a, time: ts, layer: revenue_retention, indicator: leading }
  - { id: pipeline, kind: sum, dataset: d, expr: a, time: ts, layer: pipeline_health, indicator: leading }
  - { id: replies, kind: count, dataset: d, time: ts, layer: outreach, indicator: leading }
  - { id: win_rate, kind: average, dataset: d, expr: w, time: ts, layer: conversion_quality, indicator: leading }
`,
        'trees/t.yaml': 'id: t\nroot:\n  metric: revenue\n  drivers:\n    - { metric: pipeline, drivers: [{ metric: replies }] }\n    - metric: win_rate\n',
        'owners.yaml': `people: [{ id: ana, name: Ana, role: executive }]\nownership:\n${['revenue', 'pipeline', 'replies', 'win_rate']
          .map((m) => `  - { metric: ${m}, responsible: ana, target: { value: 1, direction: higher }, threshold: { value: 0.9 }, review: weekly, playbook: { action: Act, due: 2 days } }\n`)
          .join('')}`,
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      expect(await runCli(['audit', '--project', dir])).toEqual({ code: 0, stdout: 'Every KPI of clean passes the audit.\n', stderr: '' });
      expect(await runCli(['audit', '--project', dir, '--format', 'json'])).toMatchObject({ code: 0, stdout: '[]\n' });
      expect(await runCli(['audit', '--project', dir, '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format: "xml" is not a format/) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('kpitree plans and inbox', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli([...args, '--project', dir], { now: '2025-05-05T10:00:00Z' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-plans-'));
    for (const [path, text] of Object.entries(plansProjectFiles())) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const store = await openStore(`pglite:${join(dir, '.kpitree/store')}`);
    await storeWinRates(store, [0.3, 0.3, 0.2, 0.2]);
    await store.close();
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('evaluates, lists, acknowledges and resolves plans, with the history and the inbox', async () => {
    expect(await cli('plans', 'evaluate', '--as-of', '2025-05-01T08:00:00Z')).toMatchObject({
      code: 0,
      stdout: 'Plans: 1 opened (1), 0 reopened, 0 escalated, 0 verified.\nDigests: 1. Deliveries: 0 sent, 0 to retry, 0 failed.\n',
    });
    expect((await cli('plans', 'evaluate', '--as-of', '2025-05-01T08:00:00Z')).stdout).toMatch(/^Plans: 0 opened, 0 reopened, 0 escalated, 0 verified\.\nDigests: 0\./);
    const list = await cli('plans', '--owner', 'ana', '--state', 'open');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ +1 +win_rate +threshold +month of 2025-03-01 +open +ana +2025-05-03 08:00 UTC +0\.2 +0\.225$/m);
    expect(await cli('plans', 'ack', '1', '--as', 'ana', '--note', 'on it')).toEqual({ code: 0, stdout: 'Plan 1 (win_rate) is acknowledged.\n', stderr: '' });
    expect((await cli('plans', 'resolve', '1', '--as', 'vp')).stdout).toBe(
      'Plan 1 (win_rate) is resolved; kpitree verifies it once win_rate is back past its threshold, or reopens it on 2025-06-05.\n',
    );
    const shown = JSON.parse((await cli('plans', 'show', '1', '--format', 'json')).stdout) as { state: string; history: { actor: string; event: string; note: string | null }[] };
    expect(shown.state).toBe('resolved');
    expect(shown.history.map((e) => `${e.actor} ${e.event}${e.note ? ` (${e.note})` : ''}`)).toEqual(['kpitree opened', 'ana acknowledged (on it)', 'vp resolved']);
    const inbox = await cli('inbox', '--as', 'ana', '--read');
    expect(inbox.stdout).toMatch(/digest +\[kpitree\] Your weekly digest: 1 action plan needs you/);
    expect(inbox.stdout).toMatch(/plan +1 +\[kpitree\] Action plan 1: Win rate is past its threshold/);
    expect(inbox.stderr).toBe('2 marked read.\n');
    expect((await cli('inbox', '--as', 'ana', '--format', 'json')).stdout).toBe('[]\n');
  });

  it('refuses bad input naming the option, and changes nothing', async () => {
    const bad = async (args: string[], message: RegExp) => {
      const run = await cli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    };
    await bad(['plans', 'ack', '1', '--as', 'anna'], /^error: --as: unknown person "anna" in owners\.yaml \(did you mean "ana"\?\)/);
    await bad(['plans', 'ack', '99', '--as', 'ana'], /^error: there is no action plan 99; list them with: kpitree plans/);
    await bad(['plans', 'ack', 'one', '--as', 'ana'], /^error: "one" is not a plan id/);
    await bad(['plans', 'ack', '1', '--as', 'ana'], /^error: plan 1 is resolved; only open plans can be acknowledged/);
    await bad(['plans', 'resolve', '1', '--as', 'bo'], /^error: plan 1 is resolved; only open or acknowledged plans can be resolved/);
    await bad(['plans', '--state', 'done'], /^error: --state: "done" is not a plan state; use one of open, acknowledged, resolved, verified/);
    await bad(['plans', '--owner', 'zed'], /^error: --owner: unknown person "zed"/);
    await bad(['plans', 'evaluate', '--as-of', 'soon'], /^error: --as-of: "soon" is not a date or time/);
    await bad(['plans', 'ack', '1'], /required option '--as <person>' not specified/);
    expect(JSON.parse((await cli('plans', 'show', '1', '--format', 'json')).stdout).history).toHaveLength(3);
  });

  it('refuses SMTP settings whose password variable is not set, before evaluating anything', async () => {
    const email = 'notify:\n  email: { host: 127.0.0.1, port: 2525, from: k@example.test, user_env: SMTP_USER, password_env: SMTP_PASSWORD }\n';
    await writeFile(join(dir, 'kpitree.yaml'), plansProjectFiles(email)['kpitree.yaml']!);
    const run = await runCli(['plans', 'evaluate', '--project', dir], { env: { SMTP_USER: 'kpi' } });
    expect(run).toMatchObject({ code: 2, stderr: 'error: kpitree.yaml: notify.email.password_env names SMTP_PASSWORD, which is not set in the environment\n' });
  });
});
