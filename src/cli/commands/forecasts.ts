import { openProjectStore } from '../../project/index.js';
import { forecastGrains, summarizeAccuracy } from '../../monitor/index.js';
import { listForecasts, listScoredPoints, type StoredForecast } from '../../store/index.js';
import { RuntimeFailure } from '../cli-error.js';
import { chooseMetric } from '../choose-metric.js';
import { formatValue } from '../format-value.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat, parseGrain } from '../parse-options.js';
import { renderRows } from '../render-rows.js';
import { renderAccuracy } from '../render-accuracy.js';
import { requireAnalysis } from '../require-analysis.js';

export interface ForecastsOptions {
  project?: string;
  grain?: string;
  format: string;
}

/** kpitree forecasts <metric>: the latest kept forecast of a metric's total with its intervals and actuals so far, and its accuracy to date. */
export async function forecastsCommand(metricId: string, options: ForecastsOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const open = await openProject(options.project, io);
  const { project } = open;
  const metric = chooseMetric(project, metricId, 'the metric');
  const grain = parseGrain(options.grain ?? forecastGrains.find((g) => project.config.sync.grains.includes(g)) ?? 'week');
  const store = await openProjectStore(project, open.dir, io.env);
  let latest: StoredForecast | undefined;
  let accuracy: ReturnType<typeof summarizeAccuracy>;
  try {
    await requireAnalysis(store);
    [latest] = await listForecasts(store, { metric: metric.id, grain, limit: 1 });
    if (!latest) {
      throw new RuntimeFailure(`no forecast of ${metric.id} by ${grain} is stored`, [
        `totals are forecast by ${forecastGrains.join(' and ')} after each sync, when sync.grains keeps them (now: ${project.config.sync.grains.join(', ')}), and the history is long enough`,
      ]);
    }
    accuracy = summarizeAccuracy((await listScoredPoints(store, { metric: metric.id })).filter((p) => p.grain === grain));
  } finally {
    await store.close();
  }
  const show = (value: number | null) => formatValue(value, metric.format);
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ forecast: latest, accuracy }, null, 2)}\n`);
    return;
  }
  io.stdout(
    renderRows(
      {
        columns: ['period', 'step', 'forecast', 'lower', 'upper', 'actual'],
        numeric: ['step', 'forecast', 'lower', 'upper', 'actual'],
        raw: latest.points.map((p) => ({ period: p.period, step: p.step, forecast: p.value, lower: p.lower, upper: p.upper, actual: p.actual })),
        display: latest.points.map((p) => [p.period, String(p.step), show(p.value), show(p.lower), show(p.upper), show(p.actual)]),
      },
      format,
    ),
  );
  if (format === 'table') {
    io.stderr(`${metric.id} by ${grain}: forecast from ${latest.originPeriod} (run ${latest.runId}), ${Math.round(latest.level * 100)}% intervals${latest.warnings.length ? `; ${latest.warnings.join('; ')}` : ''}\n`);
    io.stderr(`Accuracy so far: ${renderAccuracy(accuracy)}\n`);
  }
}
