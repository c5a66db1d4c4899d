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
export function compileMetric(
  request: MetricRequest,
  env: { project: Pick<Project, 'datasets' | 'metrics' | 'config'>; catalog: Catalog; dialect: Dialect },
): CompiledQuery {
  const { project, catalog, dialect } = env;
  const metric = project.metrics.get(request.metric);
  if (!metric) throw new CompileError(`unknown metric "${request.metric}"`, 'metric', didYouMean(request.metric, project.metrics.keys()));
  const dimensions = request.dimensions ?? [];
  checkRequest(request, dimensions);

  const calendar = project.config.calendar;
  const periods = periodStarts(request.from, request.to, request.grain, calendar);
  if (periods.length > maxPeriods) {
    throw new CompileError(`${request.from} to ${request.to} is ${periods.length} ${request.grain}s; a query covers at most ${maxPeriods} periods`, 'from', 'shorten the range or use a coarser grain');
  }
  const params = new SqlParams(dialect);
  let zone: string | undefined;
  const ctx: QueryContext = {
    dialect,
    params,
    project,
    catalog,
    calendar,
    grain: request.grain,
    dimensions,
    filters: request.filters ?? [],
    fromStart: periods[0]!,
    endExclusive: addPeriods(periods.at(-1)!, 1, request.grain),
    zone: () => (zone ??= params.bind(calendar.timezone)),
  };

  const plan = planMetric(project, request.metric);
  const ctes: Cte[] = [renderSpine(ctx, periods.map((start) => ({ start, next: addPeriods(start, 1, request.grain) })))];
  const outputs: LeafOutput[] = [];
  for (const scan of groupScans(plan.leaves, ctx)) {
    const name = `scan_${outputs.length}`;
    ctes.push([name, renderAggregateScan(ctx, scan.leaves, scan.scanFrom)]);
    outputs.push({ cte: name, columns: scan.leaves.map((leaf) => leaf.column) });
  }
  for (const leaf of plan.leaves) {
    const name = `${leaf.type}_${outputs.length}`;
    if (leaf.type === 'conversion') {
      ctes.push(...renderConversion(ctx, leaf, name));
      outputs.push({ cte: name, columns: [leaf.entered, leaf.converted] });
    } else if (leaf.type === 'snapshot') {
      ctes.push(...renderSnapshot(ctx, leaf, name));
      outputs.push({ cte: name, columns: [leaf.column] });
    }
  }
  const combined = renderCombined(ctx, outputs, plan.value);
  const withClause = [...ctes, ...combined.ctes].map(([name, body]) => `${name} AS (\n${indent(body)}\n)`).join(',\n');
  return {
    sql: `WITH ${withClause}\n${combined.select}`,
    params: params.values,
    metric,
    grain: request.grain,
    dimensions,
    periods,
  };
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
