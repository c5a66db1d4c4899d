import { describe, expect, it } from 'vitest';
import { crmCatalog } from '../../test/support/crm-catalog.js';
import { loadCrmProject } from '../../test/support/crm-project.js';
import { compileMetric, type MetricRequest } from './compile-metric.js';
import { CompileError } from './compile-error.js';
import { dialects } from './dialects/index.js';
import { metricDimensions } from './metric-dimensions.js';
import { inlineProject } from '../../test/support/inline-project.js';

const project = loadCrmProject();
const base: MetricRequest = { metric: 'win_rate', grain: 'month', from: '2025-01-01', to: '2025-03-31' };
const compile = (request: Partial<MetricRequest>) => compileMetric({ ...base, ...request }, { project, catalog: crmCatalog(), dialect: dialects.duckdb });
const failure = (request: Partial<MetricRequest>) => {
  try {
    compile(request);
  } catch (error) {
    if (error instanceof CompileError) return { message: error.message, parameter: error.parameter, hint: error.hint };
    throw error;
  }
  throw new Error('expected a CompileError');
};

describe('compileMetric', () => {
  it('computes a metric used twice in a formula once, in one scan of its dataset', () => {
    const query = compile({ metric: 'lost_deals_share' });
    expect(query.sql.match(/FROM "main"\."opportunities"/g)).toHaveLength(1);
    expect(query.sql).toContain('AS c_1');
    expect(query.sql).not.toContain('c_2');
    expect(query.sql).toContain('NULLIF(');
  });

  it('scans each dataset and time column separately, and joins only what a dimension needs', () => {
    const query = compile({ metric: 'pipeline_created', dimensions: ['region'] });
    expect(query.sql).toContain('LEFT JOIN "main"."users" AS "owner"');
    expect(query.sql).not.toContain('"accounts"');
    expect(query.periods).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
  });

  it('names the parameter at fault', () => {
    expect(failure({ metric: 'win_rat' })).toEqual({ message: 'unknown metric "win_rat"', parameter: 'metric', hint: 'did you mean "win_rate"?' });
    expect(failure({ dimensions: ['regoin'] })).toMatchObject({ parameter: 'dimensions', hint: 'did you mean "region"?' });
    expect(failure({ metric: 'open_pipeline', dimensions: ['segment'] })).toMatchObject({
      message: 'dimension "segment" is not defined on dataset stage_history (used by metric open_pipeline)',
    });
    expect(failure({ filters: [{ dimension: 'teritory', values: ['x'] }] })).toMatchObject({ parameter: 'filters' });
    expect(failure({ from: '2025-04-01' })).toEqual({ message: 'from (2025-04-01) is after to (2025-03-31)', parameter: 'from', hint: undefined });
    expect(failure({ to: '31/03/2025' })).toMatchObject({ parameter: 'to' });
    expect(failure({ dimensions: ['region', 'region'] })).toMatchObject({ message: 'dimension "region" is asked for twice' });
    expect(failure({ dimensions: ['region', 'segment', 'stage', 'a', 'b'] })).toMatchObject({ message: 'at most 4 dimensions in one query, got 5' });
  });
});

describe('joins', () => {
  it('refuse a rollup through a join, and go at most three joins deep', () => {
    const project = inlineProject({
      'datasets/a.yaml': 'id: a\ntable: a\njoins: [{ name: b, dataset: b, foreign_key: b_id }]\nfields: [{ name: far, expr: b.far }, { name: rolled, expr: b.n }]\n',
      'datasets/b.yaml': 'id: b\ntable: b\njoins: [{ name: c, dataset: c, foreign_key: c_id }]\nfields: [{ name: far, expr: c.far }]\nrollups: [{ name: n, dataset: a, foreign_key: b_id, aggregate: count }]\n',
      'datasets/c.yaml': 'id: c\ntable: c\njoins: [{ name: d, dataset: d, foreign_key: d_id }]\nfields: [{ name: far, expr: d.far }]\n',
      'datasets/d.yaml': 'id: d\ntable: d\njoins: [{ name: e, dataset: e, foreign_key: e_id }]\nfields: [{ name: far, expr: e.x }]\n',
      'datasets/e.yaml': 'id: e\ntable: e\n',
      'metrics/m.yaml': 'metrics:\n  - { id: far, kind: max, dataset: a, expr: far, time: t }\n  - { id: rolled, kind: max, dataset: a, expr: rolled, time: t }\n',
    });
    const columns = ['id', 'b_id', 'c_id', 'd_id', 'e_id', 'x', 't'].map((name) => ({ name, type: name === 't' ? ('date' as const) : ('number' as const), rawType: '' }));
    const catalog = { defaultSchema: 'main', tables: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ schema: 'main', name, columns })) };
    const compile = (metric: string) => () => compileMetric({ metric, grain: 'month', from: '2025-01-01', to: '2025-01-31' }, { project, catalog, dialect: dialects.duckdb });
    expect(compile('far')).toThrow('b__c__d.e: an expression reaches at most 3 joins away');
    expect(compile('rolled')).toThrow('b.n is a rollup of dataset b: rollups are available on a metric');
  });
});

describe('metricDimensions', () => {
  it('lists the dimensions every dataset of a metric defines', () => {
    expect(metricDimensions(project, 'win_rate')).toEqual(['region', 'segment', 'stage', 'region_or_unassigned']);
    expect(metricDimensions(project, 'qualified_to_proposal')).toEqual(['stage', 'segment_code', 'region']);
  });
});
