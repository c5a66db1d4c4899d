import type { SeriesValues } from '../analysis/index.js';
import { treeNodes, type Grain, type Tree } from '../model/index.js';
import { replaceInfluenceEdges } from '../store/index.js';
import { attemptStep, readAnalysedTotal, type AnalysisContext } from './analysis-context.js';
import { fitTreeInfluences } from './fit-tree-influences.js';

/** Fits every influence edge of every tree on the stored totals at `grain`; one transaction per tree. */
export async function monitorInfluences(ctx: AnalysisContext, grain: Grain): Promise<void> {
  for (const tree of ctx.project.trees.values()) {
    ctx.progress(`influence edges of tree ${tree.id}`);
    await attemptStep(ctx, `tree ${tree.id}`, `influence edges by ${grain}`, async () => {
      const edges = fitTreeInfluences(tree, await readTotals(ctx, tree, grain));
      await replaceInfluenceEdges(ctx.db, { tree: tree.id, grain, runId: ctx.runId, edges });
      ctx.summary.edgesFitted += edges.filter((e) => e.status === 'fitted').length;
      ctx.summary.edgesUnavailable += edges.filter((e) => e.status === 'unavailable').length;
    });
  }
}

/** The totals of a tree's metrics on one timeline (every period any of them has that is over), null where one has no value. */
async function readTotals(ctx: AnalysisContext, tree: Tree, grain: Grain): Promise<Map<string, SeriesValues>> {
  const byPeriod = new Map<string, Map<string, number | null>>();
  for (const metric of new Set(treeNodes(tree).map(({ node }) => node.metric))) {
    const total = await readAnalysedTotal(ctx, metric, grain);
    total?.series.timestamps.forEach((period, i) => byPeriod.set(metric, (byPeriod.get(metric) ?? new Map()).set(period, total.series.values[i]!)));
  }
  const timeline = [...new Set([...byPeriod.values()].flatMap((m) => [...m.keys()]))].sort();
  return new Map([...byPeriod].map(([metric, values]) => [metric, timeline.map((p) => values.get(p) ?? null)]));
}
