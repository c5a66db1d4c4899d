import { didYouMean, type Grain, type Metric, type Project } from '../model/index.js';
import type { Catalog } from './catalog.js';
import { CompileError } from './compile-error.js';
import type { Dialect } from './dialect.js';
import { addPeriods, isIsoDate, periodStart, periodStarts } from './periods.js';
import { planMetric, type Leaf } from './plan-metric.js';
import { renderAggregateScan, type AggregateLeaf } from './render-aggregate-scan.js';
import { renderCombined, renderSpine, type LeafOutput } from './render-combined.js';
import type { Cte } from './cte.js';
import { renderConversion } from './render-conversion.js';
import { renderSnapshot } from './render-snapshot.js';
import type { DimensionFilter, QueryContext } from './query-context.js';
import { SqlParams, type SqlParam } from './sql-params.js';

/** A metric at a time grain over a range of periods, for every combination of the dimensions. */
export interface MetricRequest {
  metric: string;
  grain: Grain;
  /** ISO dates; the range covers the periods containing them, whole. */
  from: string;
  to: string;
  dimensions?: string[];
  filters?: DimensionFilter[];
}

export interface CompiledQuery {
  sql: string;
  params: SqlParam[];
  metric: Metric;
  grain: Grain;
  dimensions: string[];
  /** Start of every period in the range, in order. */
  periods: string[];
}

/** Beyond this, the 2^n grouping sets of one query grow faster than they help. */
export const maxDimensions = 4;

/** 27 years of days: more periods than any chart shows, and a statement every warehouse still parses. */
export const maxPeriods = 10_000;

/**
 * Compiles a metric request into one SQL statement: every leaf aggregate, every dimension slice
 * (with CUBE) and every period of the range, including empty ones.
 */
export function compileMetric(request: MetricRequest, env: CompileEnv): CompiledQuery {
  const { metric, dimensions } = checkMetricRequest(request, env);
  const params = new SqlParams(env.dialect);
  const part = compilePart(request, env, params, '');
  return {
    sql: `WITH ${withSql(part.ctes)}\n${part.select}\nORDER BY period_start`,
    params: params.values,
    metric,
    grain: request.grain,
    dimensions,
    periods: part.periods,
  };
}

/** A range of periods at one grain, as a sync keeps them current. */
export interface GrainRange {
  grain: Grain;
  from: string;
  to: string;
}

export interface CompiledGrains {
  sql: string;
  params: SqlParam[];
  metric: Metric;
  dimensions: string[];
  /** Every period of each grain's range; rows carry their grain in a `grain` column. */
  periods: Partial<Record<Grain, string[]>>;
}

/**
 * Compiles a metric at several grains, each over its own range, into ONE statement (its parts
 * joined by UNION ALL, a `grain` column telling them apart): a sync sends the warehouse one query
 * per metric, however many grains it keeps.
 */
export function compileMetricGrains(
  request: Omit<MetricRequest, 'grain' | 'from' | 'to'> & { ranges: GrainRange[] },
  env: CompileEnv,
): CompiledGrains {
  if (request.ranges.length === 0) throw new CompileError('no grain to compute', 'grains');
  const grains = request.ranges.map((r) => r.grain);
  const repeated = grains.find((g, i) => grains.indexOf(g) !== i);
  if (repeated) throw new CompileError(`grain ${repeated} is asked for twice`, 'grains');
  const checked = request.ranges.map((range) => checkMetricRequest({ ...request, ...range }, env));
  const params = new SqlParams(env.dialect);
  const parts = request.ranges.map((range) => ({ range, part: compilePart({ ...request, ...range }, env, params, `${range.grain}_`) }));
  // The grain is a validated name (day … year), so it is written as a literal, not bound.
  const selects = parts.map(({ range, part }) => part.select.replace(/^SELECT /, `SELECT '${range.grain}' AS grain, `));
  return {
    sql: `WITH ${withSql(parts.flatMap(({ part }) => part.ctes))}\n${selects.join('\nUNION ALL\n')}\nORDER BY grain, period_start`,
    params: params.values,
    metric: checked[0]!.metric,
    dimensions: checked[0]!.dimensions,
    periods: Object.fromEntries(parts.map(({ range, part }) => [range.grain, part.periods])),
  };
}

type CompileEnv = { project: Pick<Project, 'datasets' | 'metrics' | 'config'>; catalog: Catalog; dialect: Dialect };

function checkMetricRequest(request: MetricRequest, env: CompileEnv): { metric: Metric; dimensions: string[] } {
  const metric = env.project.metrics.get(request.metric);
  if (!metric) throw new CompileError(`unknown metric "${request.metric}"`, 'metric', didYouMean(request.metric, env.project.metrics.keys()));
  const dimensions = request.dimensions ?? [];
  checkRequest(request, dimensions);
  return { metric, dimensions };
}

/** One grain's CTEs and final SELECT, its CTE names prefixed so that several can share a statement. */
function compilePart(request: MetricRequest, env: CompileEnv, params: SqlParams, prefix: string): { ctes: Cte[]; select: string; periods: string[] } {
  const { project, catalog, dialect } = env;
  const calendar = project.config.calendar;
  const periods = periodStarts(request.from, request.to, request.grain, calendar);
  if (periods.length > maxPeriods) {
    throw new CompileError(`${request.from} to ${request.to} is ${periods.length} ${request.grain}s; a query covers at most ${maxPeriods} periods`, 'from', 'shorten the range or use a coarser grain');
  }
  let zone: string | undefined;
  const ctx: QueryContext = {
    dialect,
    params,
    project,
    catalog,
    calendar,
    grain: request.grain,
    dimensions: request.dimensions ?? [],
    filters: request.filters ?? [],
    fromStart: periods[0]!,
    endExclusive: addPeriods(periods.at(-1)!, 1, request.grain),
    zone: () => (zone ??= params.bind(calendar.timezone)),
    cte: (name) => `${prefix}${name}`,
  };

  const plan = planMetric(project, request.metric);
  const ctes: Cte[] = [renderSpine(ctx, periods.map((start) => ({ start, next: addPeriods(start, 1, request.grain) })))];
  const outputs: LeafOutput[] = [];
  for (const scan of groupScans(plan.leaves, ctx)) {
    const name = ctx.cte(`scan_${outputs.length}`);
    ctes.push([name, renderAggregateScan(ctx, scan.leaves, scan.scanFrom)]);
    outputs.push({ cte: name, columns: scan.leaves.map((leaf) => leaf.column) });
  }
  for (const leaf of plan.leaves) {
    const name = ctx.cte(`${leaf.type}_${outputs.length}`);
    if (leaf.type === 'conversion') {
      ctes.push(...renderConversion(ctx, leaf, name));
      outputs.push({ cte: name, columns: [leaf.entered, leaf.converted] });
    } else if (leaf.type === 'snapshot') {
      ctes.push(...renderSnapshot(ctx, leaf, name));
      outputs.push({ cte: name, columns: [leaf.column] });
    }
  }
  const combined = renderCombined(ctx, outputs, plan.value);
  return { ctes: [...ctes, ...combined.ctes], select: combined.select, periods };
}

function withSql(ctes: Cte[]): string {
  return ctes.map(([name, body]) => `${name} AS (\n${indent(body)}\n)`).join(',\n');
}

function checkRequest(request: MetricRequest, dimensions: string[]): void {
  for (const [name, value] of [['from', request.from], ['to', request.to]] as const) {
    if (!isIsoDate(value)) throw new CompileError(`${name} must be a date written YYYY-MM-DD, got "${value}"`, name);
  }
  if (request.from > request.to) throw new CompileError(`from (${request.from}) is after to (${request.to})`, 'from');
  if (dimensions.length > maxDimensions) {
    throw new CompileError(`at most ${maxDimensions} dimensions in one query, got ${dimensions.length}`, 'dimensions');
  }
  const duplicate = dimensions.find((d, i) => dimensions.indexOf(d) !== i);
  if (duplicate) throw new CompileError(`dimension "${duplicate}" is asked for twice`, 'dimensions');
}

/** Aggregate leaves that can share one scan: same dataset, time expression and range. */
function groupScans(leaves: Leaf[], ctx: QueryContext): { scanFrom: string | null; leaves: AggregateLeaf[] }[] {
  const groups = new Map<string, { scanFrom: string | null; leaves: AggregateLeaf[] }>();
  for (const leaf of leaves) {
    if (leaf.type !== 'aggregate') continue;
    const toDate = leaf.column.toDate;
    const scanFrom = toDate === 'all' ? null : toDate ? periodStart(ctx.fromStart, toDate, ctx.calendar) : ctx.fromStart;
    const id = JSON.stringify([leaf.metric.dataset, leaf.metric.time.text, scanFrom]);
    const group = groups.get(id) ?? { scanFrom, leaves: [] };
    group.leaves.push(leaf);
    groups.set(id, group);
  }
  return [...groups.values()];
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
