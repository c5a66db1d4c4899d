import { didYouMean, treeNodes, type Tree } from '../../model/index.js';
import { addDays, addPeriods, periodLabel, periodStart } from '../../semantic/index.js';
import { queryMetric } from '../../project/index.js';
import { UsageError } from '../cli-error.js';
import { asUsage } from '../compile-error-usage.js';
import type { CliIo } from '../io.js';
import { openCheckedWarehouse, openProject } from '../open-project.js';
import { parseFormat, parseGrain, parsePeriodOption, todayIso } from '../parse-options.js';
import { buildTreeView, renderTreeText, type NodeValue } from '../render-tree.js';

export interface TreeOptions {
  project?: string;
  grain: string;
  period?: string;
  format: string;
}

/** kpitree tree [id]: the tree with every node's value for a period and its change from the one before. */
export async function treeCommand(treeId: string | undefined, options: TreeOptions, io: CliIo): Promise<void> {
  const grain = parseGrain(options.grain);
  const format = parseFormat(options.format);
  if (format === 'csv') throw new UsageError('--format: a tree prints as table or json');
  const open = await openProject(options.project, io);
  const { project } = open;
  const tree = pickTree(project.trees, treeId);
  const calendar = project.config.calendar;
  const period = options.period ? parsePeriodOption('period', options.period, calendar) : null;
  // Without --period: the last period that is over.
  const current = period ? periodStart(period.first, grain, calendar) : addPeriods(periodStart(todayIso(io.now(), calendar.timezone), grain, calendar), -1, grain);
  const previous = addPeriods(current, -1, grain);
  const to = addPeriods(current, 1, grain);

  const { warehouse, catalog } = await openCheckedWarehouse(open, io);
  const values = new Map<string, NodeValue>();
  try {
    const metricIds = [...new Set(treeNodes(tree).map(({ node }) => node.metric))];
    for (const [i, metric] of metricIds.entries()) {
      if (io.interactive) io.stderr(`\r  computing ${i + 1}/${metricIds.length}: ${metric}\x1b[K`);
      const { rows } = await asUsage(queryMetric({ metric, grain, from: previous, to: addDays(to, -1) }, { project, catalog, warehouse }));
      values.set(metric, { value: rows.find((r) => r.period === current)?.value ?? null, previous: rows.find((r) => r.period === previous)?.value ?? null });
    }
    if (io.interactive) io.stderr('\r\x1b[K');
  } finally {
    await warehouse.close();
  }
  const view = buildTreeView(tree, project.metrics, values);
  const heading = `${tree.name ?? tree.id} · ${grain} ${periodLabel(current, grain, calendar)}, change from ${periodLabel(previous, grain, calendar)}`;
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ tree: tree.id, grain, period: current, previous, root: view }, null, 2)}\n`);
  } else {
    io.stdout(`${heading}\n\n${renderTreeText(view, project.metrics)}`);
  }
}

function pickTree(trees: Map<string, Tree>, id: string | undefined): Tree {
  if (id) {
    const tree = trees.get(id);
    if (!tree) throw new UsageError(`no tree "${id}" in the project${hintText(didYouMean(id, trees.keys()))}`);
    return tree;
  }
  if (trees.size === 1) return [...trees.values()][0]!;
  if (trees.size === 0) throw new UsageError('the project has no tree: add one under trees/');
  throw new UsageError(`the project has ${trees.size} trees; name one: ${[...trees.keys()].join(', ')}`);
}

function hintText(hint: string | undefined): string {
  return hint ? ` (${hint})` : '';
}
