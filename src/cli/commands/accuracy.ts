import { openProjectStore } from '../../project/index.js';
import { accuracyByMetric, accuracyByOwner, type Accuracy } from '../../monitor/index.js';
import { listScoredPoints, type ScoredPoint } from '../../store/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { formatShare } from '../render-accuracy.js';
import { renderRows, type Cell } from '../render-rows.js';
import { requireAnalysis } from '../require-analysis.js';

type Row = Accuracy & ({ metric: string } | { metrics: string[] });

export interface AccuracyOptions {
  project?: string;
  by: string;
  format: string;
}

/** kpitree accuracy: how good the kept forecasts were once their actuals landed, by metric or by owner (owners.yaml). */
export async function accuracyCommand(options: AccuracyOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  if (options.by !== 'metric' && options.by !== 'owner') throw new UsageError(`--by: "${options.by}" is not a grouping; use metric or owner`);
  const open = await openProject(options.project, io);
  const store = await openProjectStore(open.project, open.dir, io.env);
  let points: ScoredPoint[];
  try {
    await requireAnalysis(store);
    points = await listScoredPoints(store);
  } finally {
    await store.close();
  }
  const { owners } = open.project;
  const rows: Row[] = options.by === 'metric' ? accuracyByMetric(points, owners) : accuracyByOwner(points, owners);
  const keys = options.by === 'metric' ? ['metric', 'grain', 'owner'] : ['owner', 'grain', 'metrics'];
  const columns = [...keys, 'points', 'accuracy', 'mase', 'coverage'];
  // The owner rows' metrics show as their count; JSON keeps the list.
  const cell = (row: Row, key: string): Cell => {
    const value = (row as unknown as Record<string, Cell | string[]>)[key];
    return Array.isArray(value) ? value.length : (value ?? null);
  };
  io.stdout(
    renderRows(
      {
        columns,
        numeric: ['metrics', 'points', 'accuracy', 'mase', 'coverage'],
        raw: rows.map((row) => Object.fromEntries(columns.map((c) => [c, cell(row, c)]))),
        display: rows.map((row) => [
          ...keys.map((k) => String(cell(row, k) ?? '–')),
          String(row.points), formatShare(row.accuracy), row.mase === null ? '–' : row.mase.toFixed(2), formatShare(row.coverage),
        ]),
        json: rows,
      },
      format,
    ),
  );
  if (format === 'table') {
    io.stderr(points.length === 0 ? 'No forecast period is over yet: points are scored against the actuals synced after their period ends.\n' : `${points.length} forecast points scored against actuals, by ${options.by}\n`);
  }
}
