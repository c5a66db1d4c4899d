import type { BinaryOperator, Expr } from './ast.js';
import { ExpressionError } from './expression-error.js';
import { expressionFunctions, isExpressionFunction } from './functions.js';
import { tokenize, type Token } from './tokenize.js';

const comparison = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** Parses an expression; throws ExpressionError with the offset of the first problem. */
export function parseExpression(text: string): Expr {
  if (text.trim() === '') throw new ExpressionError('the expression is empty', 0);
  const parser = new ExpressionParser(tokenize(text));
  const expr = parser.parseOr();
  parser.expectEnd();
  return expr;
}

class ExpressionParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parseOr(): Expr {
    let left = this.parseAnd();
    while (this.acceptKeyword('or')) left = binary('or', left, this.parseAnd());
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== 'end') throw new ExpressionError(`unexpected ${describe(token)} after the end of the expression`, token.start);
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.acceptKeyword('and')) left = binary('and', left, this.parseNot());
    return left;
  }

  private parseNot(): Expr {
    const token = this.peek();
    if (this.acceptKeyword('not')) {
      const operand = this.parseNot();
      return { type: 'unary', op: 'not', operand, start: token.start, end: operand.end };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.type === 'operator' && comparison.has(token.value)) {
      this.position++;
      return binary(token.value as BinaryOperator, left, this.parseAdditive());
    }
    if (this.acceptKeyword('is')) {
      const negated = this.acceptKeyword('not');
      const close = this.expectKeyword('null');
      return { type: 'is_null', operand: left, negated, start: left.start, end: close.end };
    }
    const negated = this.peekKeyword('not') && (this.peekKeyword('in', 1) || this.peekKeyword('between', 1));
    if (negated) this.position++;
    if (this.acceptKeyword('in')) {
      this.expectOperator('(');
      const list = [this.parseAdditive()];
      while (this.acceptOperator(',')) list.push(this.parseAdditive());
      const close = this.expectOperator(')');
      return { type: 'in', operand: left, list, negated, start: left.start, end: close.end };
    }
    if (this.acceptKeyword('between')) {
      const low = this.parseAdditive();
      this.expectKeyword('and');
      const high = this.parseAdditive();
      return { type: 'between', operand: left, low, high, negated, start: left.start, end: high.end };
    }
    return left;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'operator' || (token.value !== '+' && token.value !== '-')) return left;
      this.position++;
      left = binary(token.value, left, this.parseMultiplicative());
    }
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'operator' || (token.value !== '*' && token.value !== '/')) return left;
      this.position++;
      left = binary(token.value, left, this.parseUnary());
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (this.acceptOperator('-')) {
      const operand = this.parseUnary();
      return { type: 'unary', op: '-', operand, start: token.start, end: operand.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.next();
    const span = { start: token.start, end: token.end };
    switch (token.type) {
      case 'number': {
        const value = Number(token.value);
        if (!Number.isFinite(value)) throw new ExpressionError(`the number ${token.value} is too large`, token.start);
        return { type: 'literal', value, ...span };
      }
      case 'string':
        return { type: 'literal', value: token.value, ...span };
      case 'keyword':
        if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true', ...span };
        if (token.value === 'null') return { type: 'literal', value: null, ...span };
        if (token.value === 'case') return this.parseCase(token);
        break;
      case 'identifier':
        return this.peekOperator('(') ? this.parseCall(token) : this.parseRef(token);
      case 'operator':
        if (token.value === '(') {
          const inner = this.parseOr();
          const close = this.expectOperator(')');
          return { ...inner, start: token.start, end: close.end };
        }
        break;
      case 'end':
        throw new ExpressionError('the expression ends too early: a value is missing', token.start);
    }
    throw new ExpressionError(`unexpected ${describe(token)}: expected a value, a name or a function`, token.start);
  }

  private parseRef(first: Token): Expr {
    const path = [first.value];
    let end = first.end;
    while (this.acceptOperator('.')) {
      const part = this.next();
      if (part.type !== 'identifier') throw new ExpressionError(`expected a name after ".", found ${describe(part)}`, part.start);
      path.push(part.value);
      end = part.end;
    }
    if (path.length > 2) throw new ExpressionError(`"${path.join('.')}" has too many parts: use column or join.column`, first.start);
    return { type: 'ref', path, start: first.start, end };
  }

  private parseCall(name: Token): Expr {
    const fn = name.value.toLowerCase();
    if (!isExpressionFunction(fn)) {
      throw new ExpressionError(`unknown function "${name.value}" (known: ${Object.keys(expressionFunctions).join(', ')})`, name.start);
    }
    this.expectOperator('(');
    const args: Expr[] = [];
    if (!this.peekOperator(')')) {
      args.push(this.parseOr());
      while (this.acceptOperator(',')) args.push(this.parseOr());
    }
    const close = this.expectOperator(')');
    const { minArgs, maxArgs } = expressionFunctions[fn];
    if (args.length < minArgs || args.length > maxArgs) {
      const expected = minArgs === maxArgs ? `${minArgs}` : maxArgs === Infinity ? `at least ${minArgs}` : `${minArgs} to ${maxArgs}`;
      const plural = maxArgs === 1 || (minArgs === 1 && maxArgs === Infinity) ? '' : 's';
      throw new ExpressionError(`${fn}() takes ${expected} argument${plural}, got ${args.length}`, name.start);
    }
    return { type: 'call', name: fn, args, start: name.start, end: close.end };
  }

  private parseCase(caseToken: Token): Expr {
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.acceptKeyword('when')) {
      const when = this.parseOr();
      this.expectKeyword('then');
      whens.push({ when, then: this.parseOr() });
    }
    if (whens.length === 0) throw new ExpressionError('case needs at least one "when … then …"', this.peek().start);
    const otherwise = this.acceptKeyword('else') ? this.parseOr() : null;
    const end = this.expectKeyword('end');
    return { type: 'case', whens, otherwise, start: caseToken.start, end: end.end };
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.position++;
    return token;
  }

  private peekKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'keyword' && token.value === word;
  }

  private peekOperator(op: string): boolean {
    const token = this.peek();
    return token.type === 'operator' && token.value === op;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.peekKeyword(word)) return false;
    this.position++;
    return true;
  }

  private acceptOperator(op: string): boolean {
    if (!this.peekOperator(op)) return false;
    this.position++;
    return true;
  }

  private expectKeyword(word: string): Token {
    const token = this.peek();
    if (!this.acceptKeyword(word)) throw new ExpressionError(`expected "${word}", found ${describe(token)}`, token.start);
    return token;
  }

  private expectOperator(op: string): Token {
    const token = this.peek();
    if (!this.acceptOperator(op)) throw new ExpressionError(`expected "${op}", found ${describe(token)}`, token.start);
    return token;
  }
}

function binary(op: BinaryOperator, left: Expr, right: Expr): Expr {
  return { type: 'binary', op, left, right, start: left.start, end: right.end };
}

function describe(token: Token): string {
  if (token.type === 'end') return 'the end of the expression';
  if (token.type === 'string') return `the text '${token.value}'`;
  return `"${token.value}"`;
}
