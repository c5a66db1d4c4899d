import { describe, expect, it } from 'vitest';
import { crmCatalog } from '../../test/support/crm-catalog.js';
import { loadCrmProject } from '../../test/support/crm-project.js';
import { compileMetric, type MetricRequest } from './compile-metric.js';
import { CompileError } from './compile-error.js';
import { dialects } from './dialects/index.js';

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
    expect(failure({ metric: 'open_pipeline', dimensions: ['region'] })).toMatchObject({
      message: 'dimension "region" is not defined on dataset stage_history (used by metric open_pipeline)',
    });
    expect(failure({ filters: [{ dimension: 'teritory', values: ['x'] }] })).toMatchObject({ parameter: 'filters' });
    expect(failure({ from: '2025-04-01' })).toEqual({ message: 'from (2025-04-01) is after to (2025-03-31)', parameter: 'from', hint: undefined });
    expect(failure({ to: '31/03/2025' })).toMatchObject({ parameter: 'to' });
    expect(failure({ dimensions: ['region', 'region'] })).toMatchObject({ message: 'dimension "region" is asked for twice' });
    expect(failure({ dimensions: ['region', 'segment', 'stage', 'a', 'b'] })).toMatchObject({ message: 'at most 4 dimensions in one query, got 5' });
  });
});
