import { adjustPValues, correlateLagged, fitInfluenceEdges, type SeriesValues } from '../analysis/index.js';
import { treeNodes, type Tree } from '../model/index.js';
import type { InfluenceEdgeRecord } from '../store/index.js';

/** Largest lag searched, in periods: the default tree's longest lag (8 weeks) and some. */
export const maxInfluenceLag = 12;

const empty = { lag: null, r: null, pAdjusted: null, q: null, n: null, weight: null, weightSe: null, weightP: null, standardized: null };

/**
 * Every influence edge of a tree, fitted on the totals (aligned by period): the lag search and
 * prewhitened correlation of each driver with its outcome (correlateLagged), the regression of
 * the outcome on all its usable drivers together (fitInfluenceEdges) for the weights, and
 * Benjamini–Hochberg across the tree's edges. An edge that cannot be fitted says why.
 */
export function fitTreeInfluences(tree: Tree, totals: ReadonlyMap<string, SeriesValues>): InfluenceEdgeRecord[] {
  const byOutcome = new Map<string, string[]>();
  for (const { edge } of treeNodes(tree)) {
    if (edge?.type === 'influence') byOutcome.set(edge.parent, [...new Set([...(byOutcome.get(edge.parent) ?? []), edge.child])]);
  }
  const records: InfluenceEdgeRecord[] = [];
  for (const [outcome, drivers] of byOutcome) {
    const outcomeValues = totals.get(outcome);
    const usable: { id: string; values: SeriesValues; lag: number }[] = [];
    for (const driver of drivers) {
      const values = totals.get(driver);
      const search = outcomeValues && values ? correlateLagged(values, outcomeValues, { maxLag: maxInfluenceLag }) : undefined;
      if (!search?.ok) {
        const reason = !outcomeValues ? `${outcome} has no stored total` : !values ? `${driver} has no stored total` : search!.ok ? '' : search!.reason;
        records.push({ driver, outcome, status: 'unavailable', reason, ...empty });
        continue;
      }
      usable.push({ id: driver, values: values!, lag: search.lag });
      records.push({ driver, outcome, status: 'fitted', reason: null, ...empty, lag: search.lag, r: search.r, pAdjusted: search.pAdjusted, n: search.n });
    }
    if (usable.length === 0 || !outcomeValues) continue;
    const fit = fitInfluenceEdges({ id: outcome, values: outcomeValues }, usable, { maxLag: maxInfluenceLag });
    for (const record of records.filter((r) => r.outcome === outcome && r.status === 'fitted')) {
      const edge = fit.ok ? fit.edges.find((e) => e.indicator === record.driver) : undefined;
      if (!edge) continue; // the correlation stands; the regression could not weigh this driver
      Object.assign(record, { weight: finite(edge.weight), weightSe: finite(edge.se), weightP: finite(edge.p), standardized: finite(edge.standardizedWeight) });
    }
  }
  const tested = records.filter((r) => r.pAdjusted !== null);
  adjustPValues(tested.map((r) => r.pAdjusted!), 'bh').forEach((q, i) => (tested[i]!.q = q));
  return records;
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
