import { openProjectStore } from '../../project/index.js';
import { listAnomalies, listSeriesChecks, type StoredAnomaly, type StoredSeriesCheck } from '../../store/index.js';
import { chooseMetric } from '../choose-metric.js';
import { describeSlice } from '../describe-slice.js';
import { formatValue } from '../format-value.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat, parseGrain, parsePeriodOption } from '../parse-options.js';
import { renderRows } from '../render-rows.js';
import { requireAnalysis } from '../require-analysis.js';

export interface AnomaliesOptions {
  project?: string;
  metric?: string;
  grain?: string;
  since?: string;
  all?: boolean;
  format: string;
}

/** kpitree anomalies: the anomalies the analysis after each sync stored, newest first; read from the store only. */
export async function anomaliesCommand(options: AnomaliesOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const grain = options.grain === undefined ? undefined : parseGrain(options.grain);
  const open = await openProject(options.project, io);
  const { project } = open;
  const metric = options.metric === undefined ? undefined : chooseMetric(project, options.metric, '--metric');
  const since = options.since === undefined ? undefined : parsePeriodOption('since', options.since, project.config.calendar).first;
  const store = await openProjectStore(project, open.dir, io.env);
  let anomalies: StoredAnomaly[];
  let unjudged: StoredSeriesCheck[];
  try {
    await requireAnalysis(store);
    anomalies = await listAnomalies(store, { metric: metric?.id, grain, since, includeExplained: options.all ?? false });
    unjudged = await listSeriesChecks(store, { metric: metric?.id, grain, status: 'insufficient' });
  } finally {
    await store.close();
  }
  const show = (a: StoredAnomaly, value: number) => formatValue(value, project.metrics.get(a.metric)?.format ?? 'number');
  io.stdout(
    renderRows(
      {
        columns: ['period', 'grain', 'metric', 'slice', 'type', 'observed', 'expected', 'band', 'score', 'p', 'explained_by'],
        numeric: ['observed', 'expected', 'score', 'p'],
        raw: anomalies.map((a) => ({
          period: a.period, grain: a.grain, metric: a.metric, slice: describeSlice(a.slice), type: a.type, observed: a.observed, expected: a.expected,
          band: `${a.lower}…${a.upper}`, score: a.score, p: a.pValue, explained_by: a.explainedBy,
        })),
        display: anomalies.map((a) => [
          a.period, a.grain, a.metric, describeSlice(a.slice), `${a.type} ${a.direction === 'up' ? '↑' : '↓'}`, show(a, a.observed), show(a, a.expected),
          `${show(a, a.lower)} … ${show(a, a.upper)}`, a.score.toFixed(1), a.pValue.toExponential(1), a.explainedBy ?? '',
        ]),
        json: anomalies,
      },
      format,
    ),
  );
  if (format === 'table') {
    const filters = [metric ? metric.id : 'every metric', grain ? `by ${grain}` : '', since ? `since ${since}` : ''].filter(Boolean).join(' ');
    io.stderr(`${anomalies.length} anomal${anomalies.length === 1 ? 'y' : 'ies'} of ${filters}${options.all ? '' : ' (each incident once; --all adds those a child metric or narrower slice explains)'}\n`);
    const example = unjudged[0];
    if (example) io.stderr(`${unjudged.length} series could not be judged, e.g. ${example.metric} ${describeSlice(example.slice)} by ${example.grain}: ${example.reason}\n`);
  }
}
