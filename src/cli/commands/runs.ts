import { openProjectStore } from '../../project/index.js';
import { listRuns, readRun, type SyncRun } from '../../store/index.js';
import { RuntimeFailure, UsageError } from '../cli-error.js';
import { formatDuration } from '../format-duration.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';
import { firstLine } from '../render-sync-summary.js';

export interface RunsOptions {
  project?: string;
  limit: string;
  sql?: boolean;
  format: string;
}

const count = new Intl.NumberFormat('en-US');

/** kpitree runs [RUN_ID]: recent sync runs and their failures (with --sql, the statements that failed), from the store. */
export async function runsCommand(runId: string | undefined, options: RunsOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const limit = Number(options.limit);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError(`--limit: "${options.limit}" is not a whole number ≥ 1`);
  const id = runId === undefined ? undefined : Number(runId);
  if (id !== undefined && (!Number.isSafeInteger(id) || id < 1)) throw new UsageError(`"${runId}" is not a run id (a whole number, as kpitree runs lists them)`);
  const open = await openProject(options.project, io);
  const store = await openProjectStore(open.project, open.dir, io.env);
  let runs: SyncRun[];
  try {
    if (id === undefined) runs = await listRuns(store, { limit });
    else {
      const run = await readRun(store, id);
      if (!run) throw new RuntimeFailure(`there is no sync run ${id} in ${store.description}`, ['list the recent ones with: kpitree runs']);
      runs = [run];
    }
  } finally {
    await store.close();
  }
  if (runs.length === 0) {
    if (format === 'table') io.stderr(`No sync runs yet in ${store.description}: run kpitree sync.\n`);
    else io.stdout(format === 'json' ? '[]\n' : renderRows(runRows([]), 'csv'));
    return;
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(options.sql ? runs : runs.map((run) => ({ ...run, failures: run.failures.map(({ sql: _sql, ...f }) => f) })), null, 2)}\n`);
    return;
  }
  io.stdout(renderRows(runRows(runs), format));
  if (format === 'csv') return;
  const failed = runs.filter((run) => run.failures.length > 0 || run.error);
  for (const run of failed) {
    io.stdout(`\nRun ${run.id} ${run.status}${run.error ? `: ${run.error}` : ''}\n`);
    for (const failure of run.failures) {
      const attempts = `(${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'})`;
      if (!options.sql) io.stdout(`  ✗ ${failure.metric}: ${firstLine(failure.error)} ${attempts}\n`);
      else io.stdout(`  ✗ ${failure.metric} ${attempts}:\n${indent(failure.error)}\n${failure.sql ? `${indent(failure.sql)}\n` : ''}`);
    }
  }
  if (!options.sql && failed.some((run) => run.failures.some((f) => f.sql))) {
    io.stderr(`The SQL that failed: kpitree runs ${failed.length === 1 ? failed[0]!.id : 'RUN_ID'} --sql\n`);
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '      ');
}

function runRows(runs: SyncRun[]) {
  const columns = ['run', 'status', 'trigger', 'started', 'took', 'metrics', 'failed', 'values', 'worker'];
  const took = (run: SyncRun) => (run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null);
  return {
    columns,
    numeric: ['run', 'metrics', 'failed', 'values', 'took'],
    raw: runs.map((run) => ({
      run: run.id,
      status: run.status,
      trigger: run.trigger,
      started: run.startedAt,
      took: took(run),
      metrics: run.metricsSucceeded,
      failed: run.metricsFailed,
      values: run.rowsWritten,
      worker: run.worker,
    })),
    display: runs.map((run) => [
      String(run.id),
      run.status,
      run.trigger,
      run.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'),
      took(run) === null ? '–' : formatDuration(took(run)!),
      `${run.metricsSucceeded}/${run.metricsPlanned ?? '?'}`,
      String(run.metricsFailed),
      count.format(run.rowsWritten),
      run.worker ?? '',
    ]),
  };
}
