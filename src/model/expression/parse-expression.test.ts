import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.js';
import { ExpressionError } from './expression-error.js';
import { parseExpression } from './parse-expression.js';

/** An expression as a compact S-expression, so that tests read the tree's shape at a glance. */
function show(expr: Expr): string {
  switch (expr.type) {
    case 'literal':
      return typeof expr.value === 'string' ? `'${expr.value}'` : String(expr.value);
    case 'ref':
      return expr.path.join('.');
    case 'unary':
      return `(${expr.op} ${show(expr.operand)})`;
    case 'binary':
      return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`;
    case 'is_null':
      return `(is${expr.negated ? '-not' : ''}-null ${show(expr.operand)})`;
    case 'in':
      return `(${expr.negated ? 'not-' : ''}in ${show(expr.operand)} ${expr.list.map(show).join(' ')})`;
    case 'between':
      return `(${expr.negated ? 'not-' : ''}between ${show(expr.operand)} ${show(expr.low)} ${show(expr.high)})`;
    case 'call':
      return `(${expr.name}() ${expr.args.map(show).join(' ')})`;
    case 'case':
      return `(case ${expr.whens.map((w) => `[${show(w.when)} ${show(w.then)}]`).join(' ')}${expr.otherwise ? ` else ${show(expr.otherwise)}` : ''})`;
  }
}

const parse = (text: string) => show(parseExpression(text));

function errorOf(text: string): { message: string; offset: number } {
  try {
    parseExpression(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return { message: (error as ExpressionError).message, offset: (error as ExpressionError).offset };
  }
  throw new Error(`expected "${text}" not to parse`);
}

describe('parseExpression: precedence', () => {
  it('binds * and / tighter than + and -, both left to right', () => {
    expect(parse('a + b * c')).toBe('(+ a (* b c))');
    expect(parse('a - b - c')).toBe('(- (- a b) c)');
    expect(parse('a / b * c')).toBe('(* (/ a b) c)');
    expect(parse('(a + b) * c')).toBe('(* (+ a b) c)');
  });

  it('binds unary minus tightest', () => {
    expect(parse('-a * b')).toBe('(* (- a) b)');
    expect(parse('a - -b')).toBe('(- a (- b))');
  });

  it('puts comparisons below arithmetic, then not, and, or', () => {
    expect(parse('a + 1 > b * 2')).toBe('(> (+ a 1) (* b 2))');
    expect(parse('a or b and c')).toBe('(or a (and b c))');
    expect(parse('not a = b and c')).toBe('(and (not (= a b)) c)');
    expect(parse('a <> b')).toBe('(!= a b)');
    expect(parse('a >= 1 and b <= 2 or c != 3')).toBe('(or (and (>= a 1) (<= b 2)) (!= c 3))');
  });

  it('keeps the span of each node, parentheses included', () => {
    const expr = parseExpression('x * (a + b)');
    expect(expr).toMatchObject({ start: 0, end: 11, right: { type: 'binary', start: 4, end: 11, left: { start: 5, end: 6 } } });
  });
});

describe('parseExpression: SQL forms', () => {
  it('reads in and not in', () => {
    expect(parse("stage in ('won', 'lost')")).toBe("(in stage 'won' 'lost')");
    expect(parse('stage not in (1, 2 + 1)')).toBe('(not-in stage 1 (+ 2 1))');
  });

  it('reads between and not between, whose "and" is its own', () => {
    expect(parse('amount between 1 and 10 and won')).toBe('(and (between amount 1 10) won)');
    expect(parse('amount not between 0 and 1')).toBe('(not-between amount 0 1)');
  });

  it('reads is null and is not null', () => {
    expect(parse('closed_at is null')).toBe('(is-null closed_at)');
    expect(parse('a + b is not null')).toBe('(is-not-null (+ a b))');
  });

  it('reads case with and without else, and keywords in any case', () => {
    expect(parse("case when a > 1 then 'big' when a > 0 then 'small' else 'none' end")).toBe("(case [(> a 1) 'big'] [(> a 0) 'small'] else 'none')");
    expect(parse('CASE WHEN won THEN amount END')).toBe('(case [won amount])');
    expect(parse('NOT TRUE OR NULL')).toBe('(or (not true) null)');
  });

  it('reads functions, case-insensitively, with their arguments', () => {
    expect(parse('COALESCE(a, 0) / nullif(b, 0)')).toBe('(/ (coalesce() a 0) (nullif() b 0))');
    expect(parse('days_between(date(closed_at), created_at)')).toBe('(days_between() (date() closed_at) created_at)');
  });

  it('reads numbers, strings with doubled quotes, and names', () => {
    expect(parse("1.5e3 + .5 + 2. + 'it''s'")).toBe("(+ (+ (+ 1500 0.5) 2) 'it's')");
    expect(parseExpression("''")).toMatchObject({ type: 'literal', value: '' });
    expect(parse('account.region')).toBe('account.region');
  });

  it('reads quoted names: any characters, keywords, case kept', () => {
    expect(parseExpression('"Amount"')).toMatchObject({ type: 'ref', path: ['Amount'] });
    expect(parseExpression('account."Region Name"')).toMatchObject({ type: 'ref', path: ['account', 'Region Name'] });
    expect(parseExpression('"order" = 1')).toMatchObject({ left: { type: 'ref', path: ['order'] } });
    expect(parseExpression('StageName')).toMatchObject({ type: 'ref', path: ['StageName'] });
  });
});

describe('parseExpression: errors carry the offset of the problem', () => {
  it.each([
    ['', 'the expression is empty', 0],
    ['   ', 'the expression is empty', 0],
    ['a +', 'the expression ends too early: a value is missing', 3],
    ['a + * b', 'unexpected "*": expected a value, a name or a function', 4],
    ['a b', 'unexpected "b" after the end of the expression', 2],
    ['a = 1 = 2', 'unexpected "=" after the end of the expression', 6],
    ['a ! b', 'unexpected character "!"', 2],
    ["stage = 'won", "unterminated string: a closing quote (') is missing", 8],
    ['"Amount > 0', 'unterminated quoted name: a closing " is missing', 0],
    ['"" > 0', 'a quoted name cannot be empty', 0],
    ['a.b.c', '"a.b.c" has too many parts: use column or join.column', 0],
    ['a. + 1', 'expected a name after ".", found "+"', 3],
    ['(a + b', 'expected ")", found the end of the expression', 6],
    ['a in 1', 'expected "(", found "1"', 5],
    ['a between 1', 'expected "and", found the end of the expression', 11],
    ['a is 1', 'expected "null", found "1"', 5],
    ['case else 1 end', 'case needs at least one "when … then …"', 5],
    ['case when a 1 end', 'expected "then", found "1"', 12],
    ['case when a then 1', 'expected "end", found the end of the expression', 18],
    ["x = 'a' 'b'", "unexpected the text 'b' after the end of the expression", 8],
  ])('%j: %s at %i', (text, message, offset) => {
    expect(errorOf(text)).toEqual({ message, offset });
  });

  it('refuses an unknown function, naming the known ones', () => {
    const error = errorOf('total + sum(amount)');
    expect(error.offset).toBe(8);
    expect(error.message).toBe(
      'unknown function "sum" (known: coalesce, nullif, abs, round, least, greatest, lower, upper, date, days_between, hours_between)',
    );
  });

  it.each([
    ['abs(a, b)', 'abs() takes 1 argument, got 2', 0],
    ['1 + coalesce()', 'coalesce() takes at least 1 argument, got 0', 4],
    ['round()', 'round() takes 1 to 2 arguments, got 0', 0],
    ['nullif(a)', 'nullif() takes 2 arguments, got 1', 0],
    ['least(a)', 'least() takes at least 2 arguments, got 1', 0],
  ])('checks the number of arguments: %s', (text, message, offset) => {
    expect(errorOf(text)).toEqual({ message, offset });
  });

  it('refuses a number too large to be finite', () => {
    expect(errorOf('amount * 1e400')).toEqual({ message: 'the number 1e400 is too large', offset: 9 });
  });
});
