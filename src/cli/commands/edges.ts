import { didYouMean } from '../../model/index.js';
import { openProjectStore } from '../../project/index.js';
import { listInfluenceEdges, type StoredInfluenceEdge } from '../../store/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';
import { requireAnalysis } from '../require-analysis.js';

export interface EdgesOptions {
  project?: string;
  format: string;
}

/** kpitree edges [tree]: each influence edge's latest fit (lag, correlation, q across the tree, weight), or why it could not be fitted. */
export async function edgesCommand(treeId: string | undefined, options: EdgesOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const open = await openProject(options.project, io);
  if (treeId !== undefined && !open.project.trees.has(treeId)) {
    const hint = didYouMean(treeId, open.project.trees.keys());
    throw new UsageError(`unknown tree "${treeId}"${hint ? ` (${hint})` : ''}`);
  }
  const store = await openProjectStore(open.project, open.dir, io.env);
  let edges: StoredInfluenceEdge[];
  try {
    await requireAnalysis(store);
    edges = await listInfluenceEdges(store, treeId === undefined ? {} : { tree: treeId });
  } finally {
    await store.close();
  }
  const num = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));
  const pText = (x: number | null) => (x === null ? '–' : x < 0.001 ? '< 0.001' : x.toFixed(3));
  const columns = ['tree', 'driver', 'outcome', 'grain', 'lag', 'r', 'p_adjusted', 'q', 'weight', 'standardized', 'note'];
  io.stdout(
    renderRows(
      {
        columns,
        numeric: ['lag', 'r', 'p_adjusted', 'q', 'weight', 'standardized'],
        raw: edges.map((e) => ({ tree: e.tree, driver: e.driver, outcome: e.outcome, grain: e.grain, lag: e.lag, r: e.r, p_adjusted: e.pAdjusted, q: e.q, weight: e.weight, standardized: e.standardized, note: e.reason })),
        display: edges.map((e) => [e.tree, e.driver, e.outcome, e.grain, e.lag === null ? '–' : String(e.lag), num(e.r, 2), pText(e.pAdjusted), pText(e.q), num(e.weight, 3), num(e.standardized, 2), e.reason ?? '']),
        json: edges,
      },
      format,
    ),
  );
}
