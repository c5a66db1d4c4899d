import { metricLabel } from '../../model/index.js';
import { periodLabel } from '../../semantic/index.js';
import { queryMetric } from '../../project/index.js';
import type { CliIo } from '../io.js';
import { asUsage } from '../compile-error-usage.js';
import { formatValue } from '../format-value.js';
import { openCheckedWarehouse, openProject } from '../open-project.js';
import { parseDimensions, parseFilter, parseFormat, parseGrain, parseRange, todayIso } from '../parse-options.js';
import { renderRows, type Cell } from '../render-rows.js';

export interface QueryOptions {
  project?: string;
  grain: string;
  from?: string;
  to?: string;
  by?: string;
  where: string[];
  format: string;
}

/** kpitree query <metric>: one metric over a range of periods, by any dimensions. */
export async function queryCommand(metricId: string, options: QueryOptions, io: CliIo): Promise<void> {
  const grain = parseGrain(options.grain);
  const format = parseFormat(options.format);
  const dimensions = parseDimensions(options.by);
  const filters = options.where.map(parseFilter);
  const open = await openProject(options.project, io);
  const calendar = open.project.config.calendar;
  const range = parseRange(options, grain, calendar, todayIso(io.now(), calendar.timezone));
  const { warehouse, catalog } = await openCheckedWarehouse(open, io);
  try {
    const request = { metric: metricId, grain, ...range, dimensions, filters };
    const { query, rows } = await asUsage(queryMetric(request, { project: open.project, catalog, warehouse }));
    const valueColumn = metricId;
    const columns = ['period', ...dimensions, valueColumn];
    io.stdout(
      renderRows(
        {
          columns,
          numeric: [valueColumn],
          raw: rows.map((row) => {
            const record: Record<string, Cell> = { period: row.period };
            // In CSV a subtotal over a dimension reads (all); a missing value stays empty.
            for (const d of dimensions) record[d] = d in row.slice ? (row.slice[d] ?? null) : '(all)';
            record[valueColumn] = row.value;
            return record;
          }),
          display: rows.map((row) => [
            periodLabel(row.period, grain, calendar),
            ...dimensions.map((d) => (d in row.slice ? (row.slice[d] ?? '(none)') : '(all)')),
            formatValue(row.value, query.metric.format),
          ]),
          json: rows.map((row) => ({ period: row.period, label: periodLabel(row.period, grain, calendar), slice: row.slice, value: row.value })),
        },
        format,
      ),
    );
    if (format === 'table') io.stderr(`${metricLabel(query.metric)} by ${grain}, ${range.from} to ${range.to}: ${rows.length} rows from ${warehouse.description}\n`);
  } finally {
    await warehouse.close();
  }
}
