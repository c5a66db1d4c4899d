import { describe, expect, it } from 'vitest';
import pkg from 'node-sql-parser';
import { crmCatalog } from '../../test/support/crm-catalog.js';
import { loadCrmProject } from '../../test/support/crm-project.js';
import { compileMetric, compileMetricGrains } from './compile-metric.js';
import { dialectCases } from './dialect.cases.js';
import { dialectNames } from './dialect.js';
import { dialects } from './dialects/index.js';

const { Parser } = pkg;
const parser = new Parser();

describe.each(dialectNames)('%s SQL', (name) => {
  const dialect = dialects[name];

  it.each(dialectCases)('$name matches its golden file and parses', async ({ name: caseName, request, calendar }) => {
    const project = loadCrmProject(calendar);
    const query = compileMetric(request, { project, catalog: crmCatalog(), dialect });
    await expect(query.sql).toMatchFileSnapshot(`__snapshots__/${name}/${caseName}.sql`);
    expect(() => parser.astify(query.sql, { database: dialect.parserDatabase })).not.toThrow();
  });

  it('binds every user string as a parameter, never in the text', () => {
    const project = loadCrmProject();
    const request = { metric: 'pipeline_created', grain: 'month' as const, from: '2025-01-01', to: '2025-03-31', dimensions: ['region'] };
    const hostile = "EMEA'); DROP TABLE users; --";
    const query = compileMetric({ ...request, filters: [{ dimension: 'region', values: [hostile] }] }, { project, catalog: crmCatalog(), dialect });
    expect(query.sql).not.toContain('DROP TABLE');
    expect(query.params).toContain(hostile);
  });
});

describe('dialect details', () => {
  it('Redshift rounds doubles (its bare NUMERIC would drop the decimals)', () => {
    expect(dialects.redshift.round('x', '2')).toBe('ROUND(CAST(x AS DOUBLE PRECISION), 2)');
    expect(dialects.postgres.round('x', '2')).toBe('ROUND(CAST(x AS NUMERIC), 2)');
  });

  it('BigQuery cubes the period too and keeps its rows, as its GROUP BY takes CUBE alone', () => {
    expect(dialects.bigquery.groupByCube(['p'], ['d_0'])).toBe('GROUP BY CUBE (p, d_0)\nHAVING GROUPING(p) = 0');
    expect(dialects.snowflake.groupByCube(['p'], ['d_0'])).toBe('GROUP BY p, CUBE (d_0)');
  });
});

describe.each(dialectNames)('%s: several grains in one statement', (name) => {
  it('parses', () => {
    const ranges = [
      { grain: 'week' as const, from: '2025-01-01', to: '2025-03-31' },
      { grain: 'month' as const, from: '2025-01-01', to: '2025-03-31' },
    ];
    for (const metric of ['win_rate', 'qualified_to_proposal', 'open_pipeline', 'revenue_quarter_to_date']) {
      const query = compileMetricGrains({ metric, ranges }, { project: loadCrmProject(), catalog: crmCatalog(), dialect: dialects[name] });
      expect(() => parser.astify(query.sql, { database: dialects[name].parserDatabase }), metric).not.toThrow();
    }
  });
});
