import { explainChange, type Explanation, type NodeValues } from '../explain/index.js';
import { treeNodes, type Grain, type Project } from '../model/index.js';
import { addPeriods, periodLabel, periodStart } from '../semantic/index.js';
import { latestPeriod, type Queryable } from '../store/index.js';
import { fitTreeInfluences, lagPeriods } from './fit-tree-influences.js';
import { InvestigateError, unknownName } from './investigate-error.js';
import { noiseBand } from './noise-band.js';
import { explainedNode, pickTree } from './pick-tree.js';
import { readNodeHistory, type NodeHistory } from './read-node-history.js';
import { readStoredSlices, sliceRowsOf } from './read-slice-rows.js';
import { sliceSource } from './slice-source.js';

export interface ChangeRequest {
  metric: string;
  /** Default: the first tree with the metric as a node, else the metric alone. */
  tree?: string;
  grain: Grain;
  /** Days ('YYYY-MM-DD') in the baseline and the current period (each taken to its period's start); the baseline comes first. */
  baseline: string;
  current: string;
  /** Periods of history before the baseline for noise bands and influence fits (default 24). */
  history?: number;
  /**
   * Read the baseline period from another store: the same project in another state, e.g. a
   * counterfactual or an expectation (then the baseline may be the current period itself).
   * Noise bands and influence fits still come from `db`'s own history.
   */
  baselineStore?: Queryable;
}

export interface ChangeInvestigation {
  explanation: Explanation;
  grain: Grain;
  periods: { baseline: string; current: string };
  /** Metrics explained without slices, and why (a distinct count, a conversion, nothing stored by slice). */
  unsliced: { metric: string; reason: string }[];
  /** What the estimated part could not use: influence edges without a fit. */
  notes: string[];
}

/**
 * Why a metric changed between two stored periods: reads every node below it (totals over the
 * history, finest slices of both periods, ratio parts), fits the influence edges and noise bands
 * from that history, and hands it all to explainChange. Reads the store only; one function for
 * the CLI and the API.
 */
export async function investigateChange(db: Queryable, project: Project, request: ChangeRequest): Promise<ChangeInvestigation> {
  const { metric, grain } = request;
  const [baseline, current] = [request.baseline, request.current].map((day) => periodStart(day, grain, project.config.calendar)) as [string, string];
  if (!project.metrics.has(metric)) throw unknownName('unknown metric', metric, project.metrics.keys());
  const baselineDb = request.baselineStore ?? db;
  if (baseline > current || (baseline === current && baselineDb === db)) throw new InvestigateError('input', `the baseline period (${label(project, baseline, grain)}) must come before the period explained (${label(project, current, grain)})`);
  const tree = pickTree(project, metric, request.tree);
  const node = explainedNode(tree, metric);
  const nodes = treeNodes({ ...tree, root: node }).map((n) => n.node);
  const metrics = [...new Set(nodes.map((n) => n.metric))];
  const longestLag = Math.max(0, ...nodes.flatMap((n) => n.drivers ?? []).map((d) => lagPeriods(d.lag, grain)));
  const from = addPeriods(baseline, -((request.history ?? 24) + longestLag), grain);
  const history = await readNodeHistory(db, metrics, { grain, from, baseline, current, calendar: project.config.calendar });
  await checkStored(db, project, metric, history);

  const sources = new Map(metrics.map((id) => [id, sliceSource(project.metrics.get(id)!, project.metrics)]));
  const stored = await readStoredSlices([...sources.values()], { grain, baseline: { db: baselineDb, period: baseline }, current: { db, period: current } });
  const baselineTotals = baselineDb === db ? null : await readNodeHistory(baselineDb, metrics, { grain, from: baseline, baseline, current: baseline, calendar: project.config.calendar });
  const values: Record<string, NodeValues> = {};
  const unsliced: { metric: string; reason: string }[] = [];
  for (const id of metrics) {
    const series = history.values.get(id)!;
    const band = noiseBand(series, history.baselineIndex, history.currentIndex - history.baselineIndex);
    const slices = sliceRowsOf(sources.get(id)!, stored);
    if ('reason' in slices) unsliced.push({ metric: id, reason: slices.reason });
    values[id] = {
      baseline: baselineTotals ? baselineTotals.values.get(id)![0]! : (series[history.baselineIndex] ?? null),
      current: series[history.currentIndex] ?? null,
      ...(band ? { band } : {}),
      ...('reason' in slices ? {} : { slices }),
    };
  }
  const { influences, problems } = fitTreeInfluences(nodes, history);
  const periods = { baseline: label(project, baseline, grain), current: label(project, current, grain) };
  const explanation = explainChange({ tree, metrics: project.metrics, values, owners: project.owners, influences, metric, periods });
  if (!explanation.ok) throw new InvestigateError('no_data', explanation.reason);
  return { explanation, grain, periods: { baseline, current }, unsliced, notes: problems };
}

/** The explained metric must have a stored total in both periods: say which is missing and what to run. */
async function checkStored(db: Queryable, project: Project, metric: string, history: NodeHistory): Promise<void> {
  const series = history.values.get(metric)!;
  const missing = [history.periods[history.baselineIndex]!, history.periods[history.currentIndex]!].filter((_, i) => series[i === 0 ? history.baselineIndex : history.currentIndex] === null);
  if (missing.length === 0) return;
  const latest = await latestPeriod(db, metric, history.grain);
  const names = missing.map((p) => label(project, p, history.grain)).join(' and ');
  if (latest === null) throw new InvestigateError('no_data', `nothing is stored for ${metric} by ${history.grain}`, [`run kpitree sync (sync.grains in kpitree.yaml chooses the grains kept: ${project.config.sync.grains.join(', ')})`]);
  throw new InvestigateError('no_data', `no stored value of ${metric} by ${history.grain} for ${names}`, [
    `the latest stored ${history.grain} is ${label(project, latest, history.grain)}; run kpitree sync for recent periods, kpitree sync --full for periods older than the restatement window`,
  ]);
}

function label(project: Project, period: string, grain: Grain): string {
  return periodLabel(period, grain, project.config.calendar);
}
