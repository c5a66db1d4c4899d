import { metricLabel, type Metric, type Tree, type TreeNode } from '../model/index.js';
import { formatChange, formatValue } from './format-value.js';

export interface NodeValue {
  value: number | null;
  previous: number | null;
}

export interface TreeView {
  metric: string;
  name: string;
  edge: 'root' | 'formula' | 'influence';
  formula?: string;
  lag?: string;
  value: number | null;
  previous: number | null;
  /** A metric shown again where it feeds a second parent; its subtree is shown once, elsewhere. */
  reference?: boolean;
  children: TreeView[];
}

/** The tree with each node's value for the period and the one before, ready to print or serialise. */
export function buildTreeView(tree: Tree, metrics: Map<string, Metric>, values: Map<string, NodeValue>): TreeView {
  const shown = new Set<string>();
  const view = (node: TreeNode, edge: TreeView['edge'], lag?: string): TreeView => {
    const metric = metrics.get(node.metric)!;
    const reference = shown.has(node.metric);
    shown.add(node.metric);
    const kids = reference ? [] : [
      ...(node.children ?? []).map((child) => view(child, 'formula')),
      ...(node.drivers ?? []).map((driver) => view(driver, 'influence', driver.lag?.text)),
    ];
    return {
      metric: node.metric,
      name: metricLabel(metric),
      edge,
      ...(node.formula ? { formula: node.formula.text } : {}),
      ...(lag ? { lag } : {}),
      ...(values.get(node.metric) ?? { value: null, previous: null }),
      ...(reference ? { reference } : {}),
      children: kids,
    };
  };
  return view(tree.root, 'root');
}

/**
 * Text lines: formula children hang on solid branches (├─), drivers on dotted ones (├┄) with
 * their lag, so exact and statistical links read differently at a glance.
 */
export function renderTreeText(view: TreeView, metrics: Map<string, Metric>): string {
  const lines: { label: string; value: string; change: string }[] = [];
  const walk = (node: TreeView, prefix: string, branch: string) => {
    const format = metrics.get(node.metric)!.format;
    const detail = [node.formula ? `= ${readableFormula(node.formula, metrics)}` : '', node.lag ? `(drives, lag ${node.lag})` : node.edge === 'influence' ? '(drives)' : '', node.reference ? '(see above)' : '']
      .filter(Boolean)
      .join(' ');
    lines.push({ label: `${prefix}${branch}${node.name}${detail ? `  ${detail}` : ''}`, value: formatValue(node.value, format), change: formatChange(node.value, node.previous, format) });
    const childPrefix = prefix + (branch === '' ? '' : branch.startsWith('└') ? '   ' : '│  ');
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1;
      const line = child.edge === 'influence' ? '┄ ' : '─ ';
      walk(child, childPrefix, `${last ? '└' : '├'}${line}`);
    });
  };
  walk(view, '', '');
  const labelWidth = Math.max(...lines.map((l) => l.label.length));
  const valueWidth = Math.max(...lines.map((l) => l.value.length));
  return lines.map((l) => `${l.label.padEnd(labelWidth)}  ${l.value.padStart(valueWidth)}  ${l.change}`.trimEnd()).join('\n') + '\n';
}

/** won_deals * average_deal_size → Won deals × Average deal size */
function readableFormula(formula: string, metrics: Map<string, Metric>): string {
  return formula
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => {
      const metric = metrics.get(name);
      return metric ? metricLabel(metric) : name;
    })
    .replace(/\*/g, '×')
    .replace(/\//g, '÷');
}
