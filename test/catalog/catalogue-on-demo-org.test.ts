import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeNodes, type Expr, type Grain, type Project } from '../../src/model/index.js';
import { checkCatalog, type MetricRow } from '../../src/semantic/index.js';
import { runCli } from '../support/run-cli.js';
import { catalogueDir, loadCatalogue } from './support/catalogue-project.js';
import { demoRange } from './support/demo-org.js';
import { openDemoWarehouses, runMetric, type DemoWarehouse, type DemoWarehouses } from './support/demo-warehouses.js';

/**
 * The catalogue against a small demo org (src/demo) on real warehouses: it validates, every metric
 * runs on DuckDB and on Postgres (the same rows, copied) with the same numbers, and the trees'
 * formula edges hold exactly on the data.
 */

const metricIds = readdirSync(join(catalogueDir, 'metrics')).map((f) => f.replace(/\.yaml$/, '')).sort();

function key(row: MetricRow): string {
  return `${row.period} ${JSON.stringify(row.slice)}`;
}

/** Equal up to floating-point summation order: 1e-9 relative. */
function expectClose(actual: number | null, expected: number | null, where: string): void {
  if (expected === null || actual === null) {
    expect(actual, where).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('the Salesforce catalogue on a demo org', () => {
  let project: Project;
  let dbs: DemoWarehouses;
  beforeAll(async () => {
    project = await loadCatalogue();
    dbs = await openDemoWarehouses({ postgres: true });
  }, 120_000);
  afterAll(() => dbs?.close());
  const both = (): DemoWarehouse[] => [dbs.duckdb, dbs.postgres!];

  it('validates against the demo org on DuckDB and on Postgres: every table and column the catalogue names exists', () => {
    for (const db of both()) expect(checkCatalog(project, db.catalog), db.name).toEqual([]);
  });

  it('kpitree validate accepts the catalogue pointed at the demo org', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kpitree-catalogue-project-'));
    try {
      await cp(catalogueDir, dir, { recursive: true });
      const config = await readFile(join(dir, 'kpitree.yaml'), 'utf8');
      await writeFile(join(dir, 'kpitree.yaml'), config.replace('url: duckdb:demo.duckdb', `url: "duckdb:${dbs.file.path}"`));
      const run = await runCli(['validate', '-p', dir]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/✓ salesforce-catalogue: \d+ datasets, \d+ metrics, 2 trees, \d+ people — definitions are valid/);
      expect(run.stdout).toMatch(/✓ every table and column exists in duckdb:/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(metricIds)('%s runs by month on DuckDB and Postgres, with the same numbers', async (metric) => {
    const request = { metric, grain: 'month' as const, ...demoRange };
    const [duck, post] = (await Promise.all(both().map((db) => runMetric(project, db, request)))) as [MetricRow[], MetricRow[]];
    expect(duck.map(key)).toEqual(post.map(key));
    expect(duck.length).toBe(9);
    expect(duck.some((r) => r.value !== null), 'a value in some month').toBe(true);
    duck.forEach((row, i) => expectClose(row.value, post[i]!.value, `${metric} ${key(row)}`));
  });

  /** Slices that reach through a joined dataset's joins (history → opportunity → owner or account, touch → lead → opportunity). */
  const slicedThroughJoins: [string, Grain, string[]][] = [
    ...['prospecting_to_qualification', 'qualification_to_proposal', 'proposal_to_negotiation', 'negotiation_to_closed_won'].map(
      (pair): [string, Grain, string[]] => [`stage_conversion_${pair}`, 'quarter', ['region', 'segment', 'rep']],
    ),
    ...['pipeline_value', 'weighted_pipeline', 'open_opportunities', 'pipeline_due', 'forecast_revenue', 'average_opportunity_age', 'average_days_in_stage',
      'opportunities_aged_0_30_days', 'opportunities_aged_over_90_days', 'stale_pipeline_share', 'stalled_opportunities', 'average_open_deal_size', 'forecast_accuracy',
      'product_revenue', 'stage_regression_rate'].map((id): [string, Grain, string[]] => [id, 'month', ['region', 'segment', 'rep']]),
    ['pipeline_coverage_ratio', 'quarter', ['region', 'rep']],
    ['activities', 'month', ['region', 'seat', 'role']],
    ['linear_touch_revenue', 'month', ['campaign_type', 'region', 'segment']],
  ];

  it.each(slicedThroughJoins)('%s by %s and %j on DuckDB and Postgres, with the same numbers', async (metric, grain, dimensions) => {
    const request = { metric, grain, ...demoRange, dimensions };
    const [duck, post] = (await Promise.all(both().map((db) => runMetric(project, db, request)))) as [MetricRow[], MetricRow[]];
    expect(duck.map(key)).toEqual(post.map(key));
    for (const dimension of dimensions) {
      const values = new Set(duck.map((r) => r.slice[dimension]).filter((v) => v !== undefined && v !== null));
      expect(values.size, `${metric}: values of ${dimension}`).toBeGreaterThan(1);
    }
    const full = duck.filter((r) => dimensions.every((d) => typeof r.slice[d] === 'string') && r.value !== null && r.value !== 0);
    expect(full.length, 'slices of every dimension with a value').toBeGreaterThan(3);
    duck.forEach((row, i) => expectClose(row.value, post[i]!.value, `${metric} ${key(row)}`));
  });

  describe.each(['revenue', 'revenue_by_motion'])('tree %s: every formula edge holds on the demo org', (treeId) => {
    const formulaNodes = () => treeNodes(project.trees.get(treeId)!).filter(({ node }) => node.formula);

    it.each(['month', 'quarter'] as Grain[])('by %s, in total', async (grain) => {
      let checked = 0;
      for (const { node } of formulaNodes()) checked += await checkIdentity(node.metric, node.formula!.ast, grain, []);
      expect(checked).toBeGreaterThan(formulaNodes().length);
    });

    it('by month and region, in every region where the children are sliced by region', async () => {
      let checked = 0;
      for (const { node } of formulaNodes()) {
        const inputs = [node.metric, ...node.children!.map((c) => c.metric)];
        if (inputs.every((id) => leafDatasets(id).every((d) => project.datasets.get(d)!.dimensions.some((dim) => dim.name === 'region')))) {
          checked += await checkIdentity(node.metric, node.formula!.ast, 'month', ['region']);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  });

  /** The datasets a metric's value comes from. */
  function leafDatasets(id: string): string[] {
    const metric = project.metrics.get(id)!;
    if ('dataset' in metric) return [metric.dataset];
    if (metric.kind === 'ratio') return [...leafDatasets(metric.numerator), ...leafDatasets(metric.denominator)];
    if (metric.kind === 'cumulative') return leafDatasets(metric.of);
    const refs: string[] = [];
    const walk = (e: Expr): void => {
      if (e.type === 'ref') refs.push(e.path[0]!);
      if (e.type === 'binary') [e.left, e.right].forEach(walk);
      if (e.type === 'unary') walk(e.operand);
      if (e.type === 'call') e.args.forEach(walk);
    };
    walk(metric.expr.ast);
    return refs.flatMap(leafDatasets);
  }

  /** The parent's value equals its formula over its children's values, in every period (and slice) where they all have one. */
  async function checkIdentity(parent: string, formula: Expr, grain: Grain, dimensions: string[]): Promise<number> {
    const children = [...new Set(refsOf(formula))];
    const request = (metric: string) => ({ metric, grain, ...demoRange, dimensions });
    const parentRows = await runMetric(project, dbs.duckdb, request(parent));
    const childRows = new Map<string, Map<string, number | null>>();
    for (const child of children) childRows.set(child, new Map((await runMetric(project, dbs.duckdb, request(child))).map((r) => [key(r), r.value])));
    let checked = 0;
    for (const row of parentRows) {
      const value = evaluate(formula, (id) => childRows.get(id)!.get(key(row)) ?? null);
      if (value === null) continue;
      expectClose(row.value, value, `${parent} = ${children.join(', ')} at ${key(row)}`);
      checked += 1;
    }
    return checked;
  }
});

function refsOf(expr: Expr): string[] {
  switch (expr.type) {
    case 'ref':
      return [expr.path[0]!];
    case 'binary':
      return [...refsOf(expr.left), ...refsOf(expr.right)];
    case 'unary':
      return refsOf(expr.operand);
    default:
      return [];
  }
}

/** A tree formula (+ - * / over metric ids) evaluated on numbers; null when an input is missing or a divisor is zero. */
function evaluate(expr: Expr, value: (id: string) => number | null): number | null {
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'number' ? expr.value : null;
    case 'ref':
      return value(expr.path[0]!);
    case 'unary': {
      const operand = evaluate(expr.operand, value);
      return operand === null ? null : -operand;
    }
    case 'binary': {
      const left = evaluate(expr.left, value);
      const right = evaluate(expr.right, value);
      if (left === null || right === null) return null;
      if (expr.op === '+') return left + right;
      if (expr.op === '-') return left - right;
      if (expr.op === '*') return left * right;
      if (expr.op === '/') return right === 0 ? null : left / right;
      return null;
    }
    default:
      throw new Error(`tree formulas are arithmetic over metrics, not ${expr.type}`);
  }
}
