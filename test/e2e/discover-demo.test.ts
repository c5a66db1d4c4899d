import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWarehouse, loadProjectFolder, queryMetric } from '../../src/project/index.js';
import { runCli, type CliRun } from '../support/run-cli.js';

/**
 * Discovery on the real demo org: once Fivetran-shaped under a renamed schema, once Airbyte-shaped;
 * both written projects give the same numbers for metrics of every kind.
 */
describe('kpitree discover on demo orgs', () => {
  let dir: string;
  const runs: Record<string, CliRun> = {};
  const projects = { fivetran: '', airbyte: '' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-discover-demo-'));
    for (const [naming, schema] of [['fivetran', 'sfdc_prod'], ['airbyte', 'salesforce']] as const) {
      const file = join(dir, `${naming}.duckdb`);
      const demo = await runCli(['demo-data', '--out', file, '--schema', schema, '--naming', naming, '--scale', '0.2', '--as-of', '2026-11-23']);
      expect(demo.code, demo.stderr).toBe(0);
      projects[naming] = join(dir, `${naming}-project`);
      runs[naming] = await runCli(['discover', '--warehouse', `duckdb:${file}`, '--out', projects[naming]]);
    }
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds every object and can compute every catalogue metric, under both namings', () => {
    expect(runs.fivetran!.code, runs.fivetran!.stderr).toBe(0);
    expect(runs.fivetran!.stdout).toMatch(/schema sfdc_prod \(fivetran names\)/);
    expect(runs.airbyte!.code, runs.airbyte!.stderr).toBe(0);
    expect(runs.airbyte!.stdout).toMatch(/schema salesforce \(airbyte names\)/);
    for (const run of Object.values(runs)) {
      const [found, total] = /Metrics computable: (\d+) of (\d+)/.exec(run.stdout)!.slice(1).map(Number);
      expect(found).toBe(total);
    }
  });

  it.each(['closed_won_revenue', 'win_rate', 'stage_conversion_proposal_to_negotiation', 'pipeline_value', 'lead_response_time', 'revenue_quarter_to_date'])(
    '%s is the same on both namings, by month and region',
    async (metric) => {
      const results = [];
      for (const naming of ['fivetran', 'airbyte'] as const) {
        const { project } = await loadProjectFolder(projects[naming]);
        const warehouse = await connectWarehouse(project, projects[naming]);
        try {
          const catalog = await warehouse.introspect();
          const dimensions = project.metrics.get(metric) && metric !== 'pipeline_value' ? ['region'] : [];
          const { rows } = await queryMetric({ metric, grain: 'month', from: '2026-01-01', to: '2026-10-31', dimensions }, { project, catalog, warehouse });
          results.push(rows);
        } finally {
          await warehouse.close();
        }
      }
      const [fivetran, airbyte] = results as [typeof results[0], typeof results[0]];
      expect(fivetran.length).toBeGreaterThan(9);
      expect(airbyte.map((r) => [r.period, r.slice])).toEqual(fivetran.map((r) => [r.period, r.slice]));
      // Sums of doubles may add up in another order on another file: equal to 12 significant digits.
      airbyte.forEach((row, i) => {
        const want = fivetran[i]!.value;
        if (want === null) expect(row.value).toBeNull();
        else expect(Math.abs(row.value! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      });
    },
  );
});
