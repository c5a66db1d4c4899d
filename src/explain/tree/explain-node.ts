import { metricLabel, type TreeNode } from '../../model/index.js';
import type { ExplainInput, NodeValues } from '../explain-input.js';
import type { FormulaExplanation, NodeExplanation } from '../explain-result.js';
import { decomposeFormula } from '../formula/decompose-formula.js';
import type { PeriodPair } from '../formula/formula-split.js';
import { explainSlices } from '../slices/explain-slices.js';
import { estimateDriverEffect } from './estimate-driver-effect.js';
import { findOwner } from './find-owner.js';
import { isNoise, readNodeValues } from './node-values.js';

export interface NodeContext {
  input: ExplainInput;
  /** Nodes that carry a subtree, by metric: a bare reference elsewhere in the tree is explained through it. */
  carriers: ReadonlyMap<string, TreeNode>;
  /** The metrics from the explained one down to the node being explained. */
  onPath: Set<string>;
  problems: string[];
}

/** Relative size of a formula residual worth reporting (stored values are rounded by the warehouse). */
const residualTolerance = 1e-9;

/**
 * Explains one node's change and, recursively, its formula children's: `contribution` is the node's
 * exact part of `scopeChange` (the explained metric's change). A child's part is the node's part
 * times the child's share of the formula's change, so parts add up level by level down the tree.
 */
export function explainNode(
  node: TreeNode,
  values: NodeValues | undefined,
  contribution: number | null,
  scopeChange: number | null,
  context: NodeContext,
  options: { alone?: boolean } = {},
): NodeExplanation {
  const tree = options.alone ? { metric: node.metric } : (context.carriers.get(node.metric) ?? node);
  const metric = context.input.metrics.get(node.metric);
  const base = { metric: node.metric, name: metricLabel(metric ?? { id: node.metric }), format: metric?.format ?? 'number', owner: findOwner(context.input.owners, [], node.metric, null) } as const;
  const explainChild = (child: TreeNode, part: number | null) => explainNode(child, context.input.values[child.metric], part, scopeChange, context);
  // checkProject refuses cycles; a tree that skipped it must still not recurse forever.
  const pair = context.onPath.has(node.metric) ? { reason: `${node.metric} is reachable from itself: the tree has a cycle` } : readNodeValues(node.metric, values);
  if ('reason' in pair) {
    context.problems.push(pair.reason);
    const children = context.onPath.has(node.metric) ? [] : (tree.children ?? []).map((child) => explainChild(child, null));
    return { ...base, status: 'unavailable', reason: pair.reason, baseline: values?.baseline ?? null, current: values?.current ?? null, change: null, changePercent: null, noise: null, contribution: null, share: null, formula: null, children, drivers: [], slices: null };
  }
  context.onPath.add(node.metric);
  const change = pair.current - pair.baseline;
  const formula = explainFormula(tree, pair, context);
  const childParts = formula?.ok ? shareOut(node.metric, formula, contribution, change - formula.residual, context) : new Map<string, number | null>();
  const explanation: NodeExplanation = {
    ...base,
    status: 'ok',
    ...pair,
    change,
    changePercent: pair.baseline !== 0 ? (change / Math.abs(pair.baseline)) * 100 : null,
    noise: isNoise(values!, pair.current),
    contribution,
    share: contribution !== null && scopeChange ? contribution / scopeChange : null,
    formula,
    children: (tree.children ?? []).map((child) => explainChild(child, childParts.get(child.metric) ?? null)),
    // An unfitted or unfed driver keeps its reason on itself: problems are about the exact part.
    drivers: (tree.drivers ?? []).map((driver) =>
      estimateDriverEffect(driver, { metric: node.metric, change }, context.input.influences ?? [], context.input.values, (d, v, c) =>
        // A driver read at its lag has no children or slices of that period: explained alone, its
        // formula is not checked against children of the explained period.
        explainNode(d, v, c, c, context, { alone: v !== context.input.values[d.metric] }),
      ),
    ),
    slices: explainNodeSlices(node.metric, values!, pair, context),
  };
  context.onPath.delete(node.metric);
  return explanation;
}

function explainNodeSlices(metric: string, values: NodeValues, pair: PeriodPair, context: NodeContext): NodeExplanation['slices'] {
  if (!values.slices) return null;
  const slices = explainSlices(values.slices, pair, context.input.sliceSearch);
  if (!slices.ok && pair.current !== pair.baseline) context.problems.push(`${metric} across slices: ${slices.reason}`);
  return slices;
}

function explainFormula(node: TreeNode, pair: PeriodPair, context: NodeContext): FormulaExplanation | { ok: false; reason: string } | null {
  if (!node.formula || !node.children?.length) return null;
  const values = new Map<string, PeriodPair>();
  for (const child of node.children) {
    const childPair = readNodeValues(child.metric, context.input.values[child.metric]);
    if (!('reason' in childPair)) values.set(child.metric, childPair);
  }
  const split = decomposeFormula(node.formula.ast, values);
  if (!split.ok) {
    const reason = `${node.metric} = ${node.formula.text} cannot be split: ${split.reason}`;
    context.problems.push(reason);
    return { ok: false, reason };
  }
  const residual = pair.current - pair.baseline - (split.current - split.baseline);
  const scale = Math.max(Math.abs(pair.baseline), Math.abs(pair.current), Math.abs(split.baseline), Math.abs(split.current));
  if (Math.abs(residual) > residualTolerance * scale) {
    context.problems.push(`${node.metric} moved by ${pair.current - pair.baseline} but its formula ${node.formula.text} by ${split.current - split.baseline}: the stored values disagree with the formula, and the children's parts are scaled to the node's change`);
  }
  return { ok: true, text: node.formula.text, method: split.method, ...(split.note ? { note: split.note } : {}), parts: split.parts, residual };
}

/** Each child's part of the node's contribution: contribution × (child's part / formula's change). */
function shareOut(metric: string, formula: FormulaExplanation, contribution: number | null, formulaChange: number, context: NodeContext): Map<string, number | null> {
  if (formulaChange === 0 && contribution) context.problems.push(`${metric} moved but its formula's children net to no change: its part cannot be shared out`);
  return new Map(
    formula.parts.map(({ metric: child, contribution: part }) => {
      if (contribution === null) return [child, null];
      if (formulaChange === 0) return [child, contribution === 0 ? 0 : null];
      return [child, (contribution * part) / formulaChange];
    }),
  );
}
