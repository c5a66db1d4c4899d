import { didYouMean, metricLabel, type Calendar, type Grain } from '../../model/index.js';
import { openProjectStore } from '../../project/index.js';
import { periodLabel, periodStart } from '../../semantic/index.js';
import { latestPeriod, listSlices, readSeries, sliceKey, type Slice, type Store } from '../../store/index.js';
import { RuntimeFailure, UsageError } from '../cli-error.js';
import { formatValue } from '../format-value.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFilter, parseFormat, parseGrain, parsePeriodOption } from '../parse-options.js';
import { describeSlice } from '../describe-slice.js';
import { renderRows } from '../render-rows.js';

export interface SeriesOptions {
  project?: string;
  grain?: string;
  slice: string[];
  from?: string;
  to?: string;
  format: string;
}

/** kpitree series <metric>: a metric's stored values at a grain, for one slice. Reads the store only, never the warehouse. */
export async function seriesCommand(metricId: string, options: SeriesOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const open = await openProject(options.project, io);
  const { project } = open;
  const metric = project.metrics.get(metricId);
  if (!metric) {
    const hint = didYouMean(metricId, project.metrics.keys());
    throw new UsageError(`unknown metric "${metricId}"${hint ? ` (${hint})` : ''}`);
  }
  const grain = parseGrain(options.grain ?? project.config.sync.grains[0] ?? 'week');
  const calendar = project.config.calendar;
  const slice = parseSlice(options.slice);
  const from = options.from === undefined ? undefined : periodStart(parsePeriodOption('from', options.from, calendar).first, grain, calendar);
  const to = options.to === undefined ? undefined : parsePeriodOption('to', options.to, calendar).last;
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from (${options.from}) is after --to (${options.to})`);
  const store = await openProjectStore(project, open.dir, io.env);
  try {
    const rows = await readSeries(store, { metric: metricId, grain, slice, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    if (rows.length === 0) throw await nothingStored(store, { metric: metricId, grain, slice, from, to, grains: project.config.sync.grains });
    const sliceText = describeSlice(slice);
    io.stdout(
      renderRows(
        {
          columns: ['period', metricId, 'computed_at', 'run'],
          numeric: [metricId, 'run'],
          raw: rows.map((row) => ({ period: row.period, [metricId]: row.value, computed_at: row.computedAt, run: row.runId })),
          display: rows.map((row) => [label(row.period, grain, calendar), formatValue(row.value, metric.format), row.computedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'), String(row.runId)]),
          json: rows.map((row) => ({ period: row.period, label: label(row.period, grain, calendar), slice: row.slice, value: row.value, computedAt: row.computedAt, runId: row.runId })),
        },
        format,
      ),
    );
    if (format === 'table') io.stderr(`${metricLabel(metric)} by ${grain}, ${sliceText}: ${rows.length} values from ${store.description}\n`);
  } finally {
    await store.close();
  }
}

/** --slice region=EMEA (repeatable): one value per dimension; (none) is a missing value. */
function parseSlice(texts: string[]): Slice {
  const slice: Slice = {};
  for (const text of texts) {
    const filter = parseFilter(text.trim());
    if (filter.exclude || filter.values.length !== 1) throw new UsageError(`--slice: "${text}" should name one value: dimension=value, e.g. region=EMEA (repeat --slice for another dimension)`);
    if (filter.dimension in slice) throw new UsageError(`--slice: dimension "${filter.dimension}" is given twice`);
    slice[filter.dimension] = filter.values[0]!;
  }
  return slice;
}

function label(period: string, grain: Grain, calendar: Calendar): string {
  return periodLabel(period, grain, calendar);
}

/** Why nothing came back, most general first: nothing synced, not at this grain, not this slice, not in this range. */
async function nothingStored(
  store: Store,
  q: { metric: string; grain: Grain; slice: Slice; from: string | undefined; to: string | undefined; grains: Grain[] },
): Promise<RuntimeFailure> {
  const where = `in ${store.description}`;
  if ((await latestPeriod(store, q.metric, q.grain)) === null) {
    const others: Grain[] = [];
    for (const grain of ['day', 'week', 'month', 'quarter', 'year'] as const) if (grain !== q.grain && (await latestPeriod(store, q.metric, grain)) !== null) others.push(grain);
    if (others.length > 0) return new RuntimeFailure(`${q.metric} is not stored by ${q.grain} ${where}; it is by ${others.join(', ')}`, [`sync.grains in kpitree.yaml chooses the grains kept (now: ${q.grains.join(', ')})`]);
    return new RuntimeFailure(`nothing is stored yet for ${q.metric} ${where}`, [`run kpitree sync first (or kpitree sync --metric ${q.metric})`]);
  }
  const slices = await listSlices(store, q.metric, q.grain);
  if (!slices.some((s) => sliceKey(s) === sliceKey(q.slice))) {
    const shown = slices.slice(0, 12).map(describeSlice);
    return new RuntimeFailure(`${q.metric} has no stored slice ${describeSlice(q.slice)} by ${q.grain}`, [
      `stored: ${shown.join('; ')}${slices.length > shown.length ? `; … (${slices.length} in all)` : ''}`,
      'sync.dimensions in kpitree.yaml chooses the dimensions kept',
    ]);
  }
  const all = await readSeries(store, { metric: q.metric, grain: q.grain, slice: q.slice });
  return new RuntimeFailure(`${q.metric} (${describeSlice(q.slice)}, by ${q.grain}) has no stored value from ${q.from ?? 'the start'} to ${q.to ?? 'the end'}`, [
    `stored: ${all[0]!.period} to ${all.at(-1)!.period}`,
  ]);
}
