import { ExpressionError } from './expression-error.js';

export type TokenType = 'number' | 'string' | 'identifier' | 'keyword' | 'operator' | 'end';

export interface Token {
  type: TokenType;
  /** Keywords are lower-cased; identifiers keep their case (columns are quoted in SQL); operators as written. */
  value: string;
  start: number;
  end: number;
}

const keywords = new Set([
  'and', 'or', 'not', 'is', 'null', 'in', 'between', 'case', 'when', 'then', 'else', 'end', 'true', 'false',
]);

const operators = ['<=', '>=', '!=', '<>', '+', '-', '*', '/', '=', '<', '>', '(', ')', ',', '.'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      i += match[0].length;
      tokens.push({ type: 'number', value: match[0], start, end: i });
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionError('unterminated string: a closing quote (\') is missing', start);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ type: 'string', value, start, end: i });
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new ExpressionError('unterminated quoted name: a closing " is missing', start);
      const value = text.slice(i + 1, close);
      if (value.length === 0) throw new ExpressionError('a quoted name cannot be empty', start);
      i = close + 1;
      tokens.push({ type: 'identifier', value, start, end: i });
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      i += match[0].length;
      const lower = match[0].toLowerCase();
      tokens.push({ type: keywords.has(lower) ? 'keyword' : 'identifier', value: keywords.has(lower) ? lower : match[0], start, end: i });
    } else {
      const op = operators.find((o) => text.startsWith(o, i));
      if (!op) throw new ExpressionError(`unexpected character "${c}"`, start);
      i += op.length;
      tokens.push({ type: 'operator', value: op === '<>' ? '!=' : op, start, end: i });
    }
  }
  tokens.push({ type: 'end', value: '', start: text.length, end: text.length });
  return tokens;
}
