/** The expression language of metric and dataset definitions: a small, safe subset of SQL. */

export type BinaryOperator =
  | '+' | '-' | '*' | '/'
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or';

export type Literal = string | number | boolean | null;

interface Span {
  /** Offsets into the expression text, for error positions. */
  start: number;
  end: number;
}

export type Expr =
  | (Span & { type: 'literal'; value: Literal })
  | (Span & { type: 'ref'; path: string[] })
  | (Span & { type: 'unary'; op: '-' | 'not'; operand: Expr })
  | (Span & { type: 'binary'; op: BinaryOperator; left: Expr; right: Expr })
  | (Span & { type: 'is_null'; operand: Expr; negated: boolean })
  | (Span & { type: 'in'; operand: Expr; list: Expr[]; negated: boolean })
  | (Span & { type: 'between'; operand: Expr; low: Expr; high: Expr; negated: boolean })
  | (Span & { type: 'call'; name: string; args: Expr[] })
  | (Span & { type: 'case'; whens: { when: Expr; then: Expr }[]; otherwise: Expr | null });

/** An expression as written in a definition file, with its parse. */
export interface Expression {
  text: string;
  ast: Expr;
}
