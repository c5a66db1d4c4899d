import {
  additiveKinds,
  didYouMean,
  isAggregateMetric,
  type AggregateMetric,
  type ConversionMetric,
  type Expr,
  type Metric,
  type Project,
  type SnapshotMetric,
} from '../model/index.js';
import { zeroWhenEmpty } from './aggregate-sql.js';
import { CompileError } from './compile-error.js';

export type ToDate = 'week' | 'month' | 'quarter' | 'year' | 'all';

/** One aggregated column of the query; `zeroWhenEmpty` for counts and sums of periods without rows. */
export interface LeafColumn {
  name: string;
  zeroWhenEmpty: boolean;
  toDate?: ToDate;
}

export type Leaf =
  | { type: 'aggregate'; metric: AggregateMetric; column: LeafColumn }
  | { type: 'conversion'; metric: ConversionMetric; entered: LeafColumn; converted: LeafColumn }
  | { type: 'snapshot'; metric: SnapshotMetric; column: LeafColumn };

export type ArithmeticFunction = 'coalesce' | 'nullif' | 'abs' | 'round' | 'least' | 'greatest';

/** A metric's value as arithmetic over leaf columns, evaluated after every leaf is aggregated. */
export type ValueExpr =
  | { type: 'column'; column: LeafColumn }
  | { type: 'number'; value: number }
  | { type: 'negate'; operand: ValueExpr }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: ValueExpr; right: ValueExpr }
  | { type: 'call'; name: ArithmeticFunction; args: ValueExpr[] };

export interface MetricPlan {
  leaves: Leaf[];
  value: ValueExpr;
}

const arithmeticFunctions = new Set<string>(['coalesce', 'nullif', 'abs', 'round', 'least', 'greatest']);

/**
 * Resolves a metric into the leaf aggregates it needs and the arithmetic that combines them.
 * A metric used twice (win_rate in two places of a formula) is aggregated once.
 */
export function planMetric(project: Pick<Project, 'metrics'>, metricId: string): MetricPlan {
  const leaves: Leaf[] = [];
  const planned = new Map<string, ValueExpr>();
  let columns = 0;
  const newColumn = (zero: boolean, toDate?: ToDate): LeafColumn => ({
    name: `c_${columns++}`,
    zeroWhenEmpty: zero,
    ...(toDate ? { toDate } : {}),
  });

  const plan = (id: string, path: string[], toDate?: ToDate): ValueExpr => {
    const key = `${id}|${toDate ?? ''}`;
    const done = planned.get(key);
    if (done) return done;
    if (path.includes(id)) throw new CompileError(`metric ${[...path, id].join(' → ')} depends on itself`, 'metric');
    const metric = project.metrics.get(id);
    if (!metric) throw new CompileError(`unknown metric "${id}"`, 'metric', didYouMean(id, project.metrics.keys()));
    const value = planOne(metric, [...path, id], toDate);
    planned.set(key, value);
    return value;
  };

  const planOne = (metric: Metric, path: string[], toDate?: ToDate): ValueExpr => {
    if (isAggregateMetric(metric)) {
      const column = newColumn(zeroWhenEmpty.has(metric.kind), toDate);
      leaves.push({ type: 'aggregate', metric, column });
      return { type: 'column', column };
    }
    if (toDate) throw new CompileError(`metric ${path.at(-2)} accumulates ${metric.id}, which is not a count or sum`, 'of');
    switch (metric.kind) {
      case 'ratio':
        return { type: 'binary', op: '/', left: plan(metric.numerator, path), right: plan(metric.denominator, path) };
      case 'formula':
        return formulaValue(metric.expr.ast, (id) => plan(id, path));
      case 'cumulative': {
        const of = project.metrics.get(metric.of);
        if (of && !(isAggregateMetric(of) && additiveKinds.includes(of.kind))) {
          throw new CompileError(`cumulative metric ${metric.id} needs a count or sum metric, and ${metric.of} is a ${of.kind}`, 'of');
        }
        return plan(metric.of, path, metric.to_date);
      }
      case 'conversion': {
        const entered = newColumn(true);
        const converted = newColumn(true);
        leaves.push({ type: 'conversion', metric, entered, converted });
        return { type: 'binary', op: '/', left: { type: 'column', column: converted }, right: { type: 'column', column: entered } };
      }
      case 'snapshot': {
        const column = newColumn(zeroWhenEmpty.has(metric.aggregate));
        leaves.push({ type: 'snapshot', metric, column });
        return { type: 'column', column };
      }
    }
  };

  const value = plan(metricId, []);
  return { leaves, value };
}

function formulaValue(expr: Expr, resolve: (id: string) => ValueExpr): ValueExpr {
  const r = (e: Expr) => formulaValue(e, resolve);
  switch (expr.type) {
    case 'ref':
      return resolve(expr.path.join('.'));
    case 'literal':
      if (typeof expr.value === 'number') return { type: 'number', value: expr.value };
      break;
    case 'unary':
      if (expr.op === '-') return { type: 'negate', operand: r(expr.operand) };
      break;
    case 'binary':
      if (expr.op === '+' || expr.op === '-' || expr.op === '*' || expr.op === '/') {
        return { type: 'binary', op: expr.op, left: r(expr.left), right: r(expr.right) };
      }
      break;
    case 'call':
      if (arithmeticFunctions.has(expr.name)) return { type: 'call', name: expr.name as ArithmeticFunction, args: expr.args.map(r) };
      break;
  }
  throw new CompileError('a formula may only use metrics, numbers, + - * / and coalesce, nullif, abs, round, least, greatest', 'expr');
}
