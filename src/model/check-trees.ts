import { expressionRefs } from './expression/index.js';
import { findCycles, formatCycle } from './find-cycles.js';
import { formulaProblems } from './formula-rules.js';
import { issueAt, sourceKey, type Project, type ProjectIssue } from './project.js';
import { treeNodes, type Tree, type TreeNode } from './tree.js';

type Path = (string | number)[];

/**
 * The shape of each tree: formula edges match their formula, a metric carries its subtree once,
 * and no node is reachable from itself. (Whether node metrics exist: see checkReferences.)
 */
export function checkTrees(project: Project): ProjectIssue[] {
  return [...project.trees].flatMap(([id, tree]) => {
    const at = (path: Path, message: string, options: { hint?: string; offset?: number } = {}) => issueAt(project, 'tree', id, path, message, options);
    return [
      ...checkSubtreesOnce(project, id, tree, at),
      ...checkCycle(tree, at),
      ...treeNodes(tree).flatMap(({ node, path }) => checkFormulaEdges(node, path, at)),
    ];
  });
}

type At = (path: Path, message: string, options?: { hint?: string; offset?: number }) => ProjectIssue;

function checkFormulaEdges(node: TreeNode, path: Path, at: At): ProjectIssue[] {
  const children = node.children ?? [];
  const childIds = children.map((child) => child.metric);
  if (!node.formula) {
    if (children.length === 0) return [];
    return [at([...path, 'children'], `children are formula edges: add formula: (how ${list(childIds)} make ${node.metric}), or move them to drivers`)];
  }
  const issues = formulaProblems(node.formula).map((problem) =>
    at([...path, 'formula'], problem.message, { offset: problem.offset, ...(problem.hint ? { hint: problem.hint } : {}) }),
  );
  const variables = [...new Set(expressionRefs(node.formula.ast).filter((ref) => ref.path.length === 1).map((ref) => ref.path[0]!))];
  const missing = variables.filter((variable) => !childIds.includes(variable));
  if (missing.length > 0) {
    issues.push(
      at([...path, children.length > 0 ? 'children' : 'formula'], `the formula of "${node.metric}" uses ${list(missing)}, missing from its children`, {
        hint: `add ${missing.map((m) => `"- metric: ${m}"`).join(', ')} under children`,
      }),
    );
  }
  children.forEach((child, i) => {
    const childPath = [...path, 'children', i, 'metric'];
    if (childIds.indexOf(child.metric) < i) {
      issues.push(at(childPath, `child "${child.metric}" is listed twice under "${node.metric}"`));
    } else if (!variables.includes(child.metric)) {
      issues.push(
        at(childPath, `child "${child.metric}" is not in the formula of "${node.metric}": children are formula edges`, {
          hint: 'use it in the formula, or move it to drivers (an influence edge)',
        }),
      );
    }
  });
  return issues;
}

/** A metric may appear many times (each bare reference adds an edge) but carries children or drivers once. */
function checkSubtreesOnce(project: Project, id: string, tree: Tree, at: At): ProjectIssue[] {
  const carriers = new Map<string, Path>();
  const issues: ProjectIssue[] = [];
  for (const { node, path } of treeNodes(tree)) {
    if (!node.formula && !node.children?.length && !node.drivers?.length) continue;
    const first = carriers.get(node.metric);
    if (!first) {
      carriers.set(node.metric, path);
      continue;
    }
    const source = project.sources.get(sourceKey('tree', id));
    const where = source ? ` at ${source.file}:${source.locate([...first, 'metric']).line}` : '';
    issues.push(
      at([...path, 'metric'], `"${node.metric}" already has its subtree${where}: a metric carries a formula, children or drivers once per tree`, {
        hint: `write it here as a bare reference (only metric: ${node.metric}) to add another edge to it`,
      }),
    );
  }
  return issues;
}

/** Edges of all occurrences of a metric join into one graph; a cycle in it is a node reachable from itself. */
function checkCycle(tree: Tree, at: At): ProjectIssue[] {
  const edges = new Map<string, Set<string>>();
  const edgePaths = new Map<string, Path>();
  for (const { path, edge } of treeNodes(tree)) {
    if (!edge) continue;
    if (!edges.has(edge.parent)) edges.set(edge.parent, new Set());
    edges.get(edge.parent)!.add(edge.child);
    const key = `${edge.parent}\u0000${edge.child}`;
    if (!edgePaths.has(key)) edgePaths.set(key, path);
  }
  return findCycles([tree.root.metric, ...edges.keys()], (metric) => edges.get(metric) ?? []).map((cycle) => {
    const closing = edgePaths.get(`${cycle.at(-1)!}\u0000${cycle[0]!}`)!;
    return at([...closing, 'metric'], `tree node "${cycle[0]}" is reachable from itself: ${formatCycle(cycle)}`, {
      hint: 'an edge may not lead back to a node above it',
    });
  });
}

function list(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
