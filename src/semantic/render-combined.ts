import type { Dialect } from './dialect.js';
import { extremeSql } from './extreme-sql.js';
import { periodSql } from './period-sql.js';
import type { LeafColumn, ValueExpr } from './plan-metric.js';
import type { Cte } from './cte.js';
import type { QueryContext } from './query-context.js';

/** A CTE that yields period_start, d_i, g_i and some of the leaf columns. */
export interface LeafOutput {
  cte: string;
  columns: LeafColumn[];
}

/**
 * Joins every leaf's aggregates into one row per period and slice, without a join: the leaves and
 * an empty row for every (period, slice) of the range are stacked with UNION ALL and folded with
 * MAX, so empty periods appear and NULL dimension values need no null-safe equality.
 */
export function renderCombined(ctx: QueryContext, outputs: LeafOutput[], value: ValueExpr): { ctes: Cte[]; select: string } {
  const { dialect } = ctx;
  const dims = ctx.dimensions.flatMap((_, i) => [`d_${i}`, `g_${i}`]);
  const allColumns = outputs.flatMap((o) => o.columns);
  const keys = ['period_start', ...dims];
  const ctes: Cte[] = [];
  const slicesFrom = ctx.dimensions.length > 0 ? ` CROSS JOIN ${ctx.cte('slices')} AS k` : '';
  if (ctx.dimensions.length > 0) {
    const total = ctx.dimensions.flatMap(() => [dialect.castText('NULL'), '1']).join(', ');
    const seen = outputs.map((o) => `SELECT ${dims.join(', ')} FROM ${o.cte}`);
    ctes.push([ctx.cte('slices'), `SELECT DISTINCT ${dims.join(', ')} FROM (\n${[...seen, `SELECT ${total}`].join('\nUNION ALL\n')}\n) AS all_slices`]);
  }
  const stacked = [
    ...outputs.map((o) => {
      const cells = allColumns.map((c) => (o.columns.includes(c) ? c.name : `${dialect.nullDouble()} AS ${c.name}`));
      return `SELECT ${[...keys, ...cells].join(', ')} FROM ${o.cte}`;
    }),
    `SELECT ${['s.period_start', ...dims.map((d) => `k.${d}`), ...allColumns.map((c) => `${dialect.nullDouble()} AS ${c.name}`)].join(', ')} FROM ${ctx.cte('spine')} AS s${slicesFrom}`,
  ];
  ctes.push([
    ctx.cte('combined'),
    `SELECT ${[...keys, ...allColumns.map((c) => `MAX(${c.name}) AS ${c.name}`)].join(', ')}\nFROM (\n${stacked.join('\nUNION ALL\n')}\n) AS stacked\nGROUP BY ${keys.join(', ')}`,
  ]);

  let source = ctx.cte('combined');
  if (allColumns.some((c) => c.toDate)) {
    source = ctx.cte('accumulated');
    ctes.push([source, renderAccumulated(ctx, keys, allColumns)]);
  }
  const select = [
    `SELECT ${[...keys, `${dialect.castDouble(valueSql(dialect, value))} AS value`].join(', ')}`,
    `FROM ${source}`,
    `WHERE period_start >= ${dialect.castDate(ctx.params.bind(ctx.fromStart))}`,
  ].join('\n');
  return { ctes, select };
}

/** Every period of the range with the start of the next one, as bound dates (portable: no generate_series). */
export function renderSpine(ctx: QueryContext, periods: { start: string; next: string }[]): Cte {
  const { dialect, params } = ctx;
  const rows = periods.map((p) => [dialect.castDate(params.bind(p.start)), dialect.castDate(params.bind(p.next))]);
  return [ctx.cte('spine'), dialect.rowsSql(['period_start', 'next_start'], rows)];
}

/** Running totals within each to-date period (quarter-to-date …), per slice. */
function renderAccumulated(ctx: QueryContext, keys: string[], columns: LeafColumn[]): string {
  const slice = keys.slice(1);
  const resets = columns.flatMap((c) =>
    c.toDate && c.toDate !== 'all' ? [`${periodSql(ctx.dialect, c.toDate, ctx.calendar, 'period_start')} AS reset_${c.name}`] : [],
  );
  const cells = columns.map((c) => {
    if (!c.toDate) return c.name;
    const partition = [...slice, ...(c.toDate === 'all' ? [] : [`reset_${c.name}`])];
    const over = `${partition.length > 0 ? `PARTITION BY ${partition.join(', ')} ` : ''}ORDER BY period_start ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`;
    return `SUM(COALESCE(${c.name}, 0)) OVER (${over}) AS ${c.name}`;
  });
  const withResets = [...keys, ...columns.map((c) => c.name), ...resets].join(', ');
  return `SELECT ${[...keys, ...cells].join(', ')}\nFROM (SELECT ${withResets} FROM ${ctx.cte('combined')}) AS periods`;
}

function valueSql(dialect: Dialect, value: ValueExpr): string {
  const r = (v: ValueExpr) => valueSql(dialect, v);
  switch (value.type) {
    case 'column':
      return value.column.zeroWhenEmpty && !value.column.toDate ? `COALESCE(${value.column.name}, 0)` : value.column.name;
    case 'number':
      return String(value.value);
    case 'negate':
      return `(-${r(value.operand)})`;
    case 'binary':
      return value.op === '/' ? `(${r(value.left)} / NULLIF(${r(value.right)}, 0))` : `(${r(value.left)} ${value.op} ${r(value.right)})`;
    case 'call':
      if (value.name === 'round') return dialect.round(r(value.args[0]!), value.args[1] ? r(value.args[1]) : '0');
      if (value.name === 'greatest' || value.name === 'least') return extremeSql(value.name, value.args.map(r));
      return `${value.name.toUpperCase()}(${value.args.map(r).join(', ')})`;
  }
}
