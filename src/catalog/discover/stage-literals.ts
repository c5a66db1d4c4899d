import { visit, type Expr } from '../../model/index.js';

const stageNames = ['stage_name', 'stage'];

/** The stage names an expression compares stage_name with ('Proposal' in stage_name = 'Proposal', or in stage_name in (…)). */
export function stageLiterals(ast: Expr): string[] {
  const found = new Set<string>();
  visit(ast, (node) => {
    if (node.type === 'binary' && (node.op === '=' || node.op === '!=')) {
      if (isStage(node.left)) literal(node.right, found);
      if (isStage(node.right)) literal(node.left, found);
    }
    if (node.type === 'in' && isStage(node.operand)) node.list.forEach((item) => literal(item, found));
  });
  return [...found];
}

function isStage(expr: Expr): boolean {
  return expr.type === 'ref' && stageNames.includes(expr.path.at(-1)!);
}

function literal(expr: Expr, into: Set<string>): void {
  if (expr.type === 'literal' && typeof expr.value === 'string') into.add(expr.value);
}
