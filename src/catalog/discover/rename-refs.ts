import { expressionRefs, parseExpression, type Expression } from '../../model/index.js';

/** The expression's text with some names replaced (by their spans in the text): `rename` returns the new text, or undefined to keep a name. */
export function renameRefs(expression: Expression, rename: (path: string[]) => string | undefined): string {
  let text = expression.text;
  const refs = [...expressionRefs(expression.ast)].sort((a, b) => b.start - a.start);
  for (const ref of refs) {
    const replacement = rename(ref.path);
    if (replacement !== undefined) text = `${text.slice(0, ref.start)}${replacement}${text.slice(ref.end)}`;
  }
  return text;
}

/** The top-level conjuncts of an expression (a and b and c), each parsed on its own. */
export function conjuncts(expression: Expression): Expression[] {
  const parts: Expression[] = [];
  const walk = (ast: Expression['ast']) => {
    if (ast.type === 'binary' && ast.op === 'and') {
      walk(ast.left);
      walk(ast.right);
    } else {
      const slice = expression.text.slice(ast.start, ast.end);
      const text = ast.type === 'binary' && ast.op === 'or' ? `(${slice})` : slice;
      parts.push({ text, ast: parseExpression(text) });
    }
  };
  walk(expression.ast);
  return parts;
}
