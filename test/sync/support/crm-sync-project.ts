import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatIssue, type Project } from '../../../src/model/index.js';
import { loadProjectFolder, queryMetric } from '../../../src/project/index.js';
import type { Catalog, GrainRange } from '../../../src/semantic/index.js';
import { sliceKey, type Queryable } from '../../../src/store/index.js';
import { syncDimensions } from '../../../src/sync/index.js';
import type { Warehouse } from '../../../src/warehouse/index.js';
import { copyCrmProject, type ProjectCopy } from '../../support/crm-project-copy.js';

/** The CRM fixture project in a temp folder, with `sync:` settings and extra files, loaded. */
export async function crmSyncProject(sync: string, files: Record<string, string> = {}, warehouse?: string): Promise<{ copy: ProjectCopy; project: Project }> {
  const copy = await copyCrmProject(warehouse);
  await copy.edit('kpitree.yaml', (text) => `${text}\nsync:\n${sync.replace(/^/gm, '  ')}\n`);
  for (const [path, text] of Object.entries(files)) await writeFile(join(copy.dir, path), text);
  const { project, issues } = await loadProjectFolder(copy.dir);
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  return { copy, project };
}

/**
 * Every stored value of a metric, grain by grain, against the same metric asked of the warehouse
 * directly (queryMetric, one grain at a time, the sync's dimensions): the same slices and periods,
 * the same values. Returns how many values were compared.
 */
export async function expectStoredEqualsQuery(
  env: { store: Queryable; project: Project; catalog: Catalog; warehouse: Warehouse },
  metric: string,
  ranges: GrainRange[],
  expect: (actual: unknown, message?: string) => { toEqual(expected: unknown): void },
): Promise<number> {
  let compared = 0;
  for (const range of ranges) {
    const dimensions = syncDimensions(env.project, metric);
    const { rows } = await queryMetric({ metric, grain: range.grain, from: range.from, to: range.to, dimensions }, env);
    const stored = await env.store.query<{ slice_key: string; period_start: string; value: number | null }>(
      'SELECT slice_key, period_start, value FROM metric_series WHERE metric_id = $1 AND grain = $2 AND period_start >= $3',
      [metric, range.grain, range.from],
    );
    const expected = rows.map((row) => ({ slice_key: sliceKey(row.slice), period_start: row.period, value: row.value }));
    const order = (a: { slice_key: string; period_start: string }, b: { slice_key: string; period_start: string }) =>
      a.slice_key < b.slice_key ? -1 : a.slice_key > b.slice_key ? 1 : a.period_start.localeCompare(b.period_start);
    expect([...stored].sort(order), `${metric} by ${range.grain}`).toEqual(expected.sort(order));
    compared += stored.length;
  }
  return compared;
}
