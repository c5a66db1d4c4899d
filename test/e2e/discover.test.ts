import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { salesforceFixtureSql } from '../../src/catalog/test-support/salesforce-fixture.js';
import { connectWarehouse, loadProjectFolder, queryMetric } from '../../src/project/index.js';
import { writeTestDuckDbFile, type TestDuckDbFile } from '../../src/warehouse/test-support/duckdb.js';
import { runCli, type CliRun } from '../support/run-cli.js';

/**
 * kpitree discover finds a Salesforce org under a renamed schema (Fivetran names) and under Airbyte
 * names, writes a project that validates, and the metrics of both projects give the same numbers.
 */
describe('kpitree discover on DuckDB', () => {
  const orgs: Record<'fivetran' | 'airbyte', { file?: TestDuckDbFile; run?: CliRun; project: string }> = {
    fivetran: { project: '' },
    airbyte: { project: '' },
  };

  beforeAll(async () => {
    orgs.fivetran.file = await writeTestDuckDbFile(salesforceFixtureSql({ schema: 'sfdc_prod' }));
    orgs.airbyte.file = await writeTestDuckDbFile(salesforceFixtureSql({ schema: 'salesforce', naming: 'airbyte' }));
    for (const org of Object.values(orgs)) {
      org.project = join(org.file!.dir, 'project');
      // A relative DuckDB path, as a user would type it in the folder of the file.
      org.run = await runCli(['discover', '--warehouse', `duckdb:${org.file!.name}`, '--out', 'project'], { cwd: org.file!.dir });
    }
  });
  afterAll(async () => {
    for (const org of Object.values(orgs)) await org.file?.remove();
  });

  it('finds the org under a renamed schema, and under Airbyte naming, and reports per object and per metric', () => {
    const { fivetran, airbyte } = orgs;
    expect(fivetran.run?.code).toBe(0);
    expect(fivetran.run?.stdout).toMatch(/^Salesforce in duckdb:.*warehouse\.duckdb, schema sfdc_prod \(fivetran names\)/);
    expect(fivetran.run?.stdout).toMatch(/ {2}Opportunity {2,}✓ sfdc_prod\.opportunity\n/);
    expect(fivetran.run?.stdout).toMatch(/Stage history: Salesforce's OpportunityHistory log .*, sfdc_prod\.opportunity_history/);
    expect(airbyte.run?.code).toBe(0);
    expect(airbyte.run?.stdout).toMatch(/schema salesforce \(airbyte names\)/);
    expect(airbyte.run?.stdout).toMatch(/ {2}Opportunity history {2,}✓ salesforce\.OpportunityHistory\n/);
    const computable = (run?: CliRun) => /Metrics computable: (\d+) of (\d+)/.exec(run?.stdout ?? '')!.slice(1).map(Number);
    const [found, total] = computable(fivetran.run);
    expect(found).toBeGreaterThan(0);
    expect(found).toBe(total);
    expect(computable(airbyte.run)).toEqual([found, total]);
  });

  it('writes projects that pass kpitree validate against the same warehouse', async () => {
    for (const org of Object.values(orgs)) {
      const run = await runCli(['validate', '-p', org.project]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/✓ every table and column exists/);
    }
  });

  it('writes kpitree.yaml with the warehouse and schema found (the DuckDB path made absolute), and DISCOVERY.md', async () => {
    const config = parse(await readFile(join(orgs.airbyte.project, 'kpitree.yaml'), 'utf8'));
    expect(config.warehouse).toEqual({ url: `duckdb:${orgs.airbyte.file!.path}`, schema: 'salesforce' });
    const report = await readFile(join(orgs.airbyte.project, 'DISCOVERY.md'), 'utf8');
    expect(report).toMatch(/^# What kpitree discover found\n\nWarehouse duckdb:.*, schema `salesforce` \(airbyte names\)\./);
    expect(report).toContain('| Opportunity | `salesforce.Opportunity` | airbyte | — | IsDeleted |');
    expect(report).toContain('## Decisions');
  });

  it('gives the same numbers on both namings, for metrics of every kind, at month grain', async () => {
    const { project } = await loadProjectFolder(orgs.fivetran.project);
    const byKind = new Map<string, string>();
    for (const metric of project.metrics.values()) if (!byKind.has(metric.kind)) byKind.set(metric.kind, metric.id);
    expect([...byKind.keys()]).toEqual(expect.arrayContaining(['count', 'sum', 'ratio', 'conversion', 'formula']));
    let nonZero = 0;
    for (const metric of byKind.values()) {
      const query = (org: (typeof orgs)['fivetran']) => runCli(['query', metric, '-p', org.project, '--grain', 'month', '--from', '2025-01', '--to', '2025-08', '-f', 'json']);
      const [a, b] = await Promise.all([query(orgs.fivetran), query(orgs.airbyte)]);
      expect(a.stderr, metric).toBe('');
      expect(a.code, metric).toBe(0);
      const rows = JSON.parse(a.stdout) as { value: number | null }[];
      expect(rows).toHaveLength(8);
      expect(JSON.parse(b.stdout), metric).toEqual(rows);
      if (rows.some((r) => r.value !== null && r.value !== 0)) nonZero++;
    }
    expect(nonZero).toBeGreaterThanOrEqual(4);
  });

  it('runs every metric it wrote', async () => {
    const { project } = await loadProjectFolder(orgs.airbyte.project);
    const warehouse = await connectWarehouse(project, orgs.airbyte.project);
    try {
      const catalog = await warehouse.introspect();
      const failed: string[] = [];
      for (const metric of project.metrics.keys()) {
        await queryMetric({ metric, grain: 'month', from: '2025-01-01', to: '2025-06-30', dimensions: [], filters: [] }, { project, catalog, warehouse }).catch((error: unknown) =>
          failed.push(`${metric}: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
      expect(failed).toEqual([]);
      expect(project.metrics.size).toBeGreaterThan(0);
    } finally {
      await warehouse.close();
    }
  });

  it('prints the report as JSON with --format json', async () => {
    const out = join(orgs.fivetran.file!.dir, 'json-project');
    const run = await runCli(['discover', '-w', `duckdb:${orgs.fivetran.file!.path}`, '-o', out, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ out, schema: 'sfdc_prod', naming: 'fivetran', stageHistory: { source: 'opportunity_history' } });
    expect(report.metrics.every((m: { computable: boolean }) => m.computable)).toBe(true);
  });

  it('writes a project that validates and runs for each of the three stage-history sources', async () => {
    const values: Record<string, unknown> = {};
    for (const stageHistory of ['opportunity_history', 'history_mode', 'field_history'] as const) {
      const file = await writeTestDuckDbFile(salesforceFixtureSql({ stageHistory }));
      try {
        const run = await runCli(['discover', '-w', `duckdb:${file.path}`, '-o', join(file.dir, 'project')]);
        expect(run.code, stageHistory).toBe(0);
        expect(run.stdout).toContain(stageHistory === 'field_history' ? 'Stage history: OpportunityFieldHistory' : stageHistory === 'history_mode' ? "Stage history: Fivetran's history-mode copy" : "Stage history: Salesforce's OpportunityHistory log");
        expect((await runCli(['validate', '-p', join(file.dir, 'project')])).code, stageHistory).toBe(0);
        const { project } = await loadProjectFolder(join(file.dir, 'project'));
        const history = [...project.metrics.values()].filter((m) => (m.kind === 'snapshot' || m.kind === 'conversion') && project.datasets.get(m.dataset)?.id === 'opportunity_history');
        expect(history.length, stageHistory).toBeGreaterThan(0);
        for (const metric of history) {
          const query = await runCli(['query', metric.id, '-p', join(file.dir, 'project'), '--from', '2025-01', '--to', '2025-08', '-f', 'json']);
          expect(query.code, `${stageHistory} ${metric.id}: ${query.stderr}`).toBe(0);
          values[`${stageHistory}:${metric.id}`] = JSON.parse(query.stdout);
        }
      } finally {
        await file.remove();
      }
    }
    // The log and the history-mode versions hold the same stage changes: the same numbers.
    const logged = Object.keys(values).filter((key) => key.startsWith('opportunity_history:'));
    for (const key of logged) {
      const versions = values[key.replace('opportunity_history:', 'history_mode:')];
      if (versions !== undefined) expect(versions, key).toEqual(values[key]);
    }
  });
});
