/**
 * A token of SQL text as Postgres and DuckDB lex it, enough for the read-only guard: comments
 * are dropped; string literals, quoted identifiers and dollar quotes become single tokens so that
 * words inside them are never mistaken for keywords.
 */
export interface SqlToken {
  kind: 'word' | 'string' | 'identifier' | 'parameter' | 'number' | 'symbol';
  /** The token's text; for strings and identifiers, the whole quoted text. */
  text: string;
  /** 0-based offset in the SQL text. */
  offset: number;
}

export class SqlLexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const wordStart = /[A-Za-z_\u0080-\uffff]/;
/** Postgres and DuckDB allow `$` inside identifiers (`a$b`), so `x$tag$` is one word, not a dollar quote. */
const wordPart = /[A-Za-z0-9_$\u0080-\uffff]/;
const digit = /[0-9]/;
const dollarOpener = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/**
 * Splits SQL into tokens. Block comments nest (as in both engines). Backticks are NOT quotes:
 * DuckDB parses a backtick as an operator, so text between backticks is code and is scanned.
 * Throws SqlLexError on an unterminated comment, string, identifier or dollar quote.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '-' && next === '-') {
      i = lineCommentEnd(sql, i);
    } else if (c === '/' && next === '*') {
      i = blockCommentEnd(sql, i);
    } else if (c === "'") {
      const escapes = isEscapeStringPrefix(tokens.at(-1), i);
      if (escapes) tokens.pop();
      const start = escapes ? i - 1 : i;
      const end = quotedEnd(sql, i, "'", escapes, 'string literal');
      tokens.push({ kind: 'string', text: sql.slice(start, end), offset: start });
      i = end;
    } else if (c === '"') {
      const end = quotedEnd(sql, i, '"', false, 'quoted identifier');
      tokens.push({ kind: 'identifier', text: sql.slice(i, end), offset: i });
      i = end;
    } else if (c === '$') {
      i = readDollar(sql, i, tokens);
    } else if (wordStart.test(c)) {
      const end = scan(sql, i + 1, wordPart);
      tokens.push({ kind: 'word', text: sql.slice(i, end), offset: i });
      i = end;
    } else if (digit.test(c)) {
      const end = scan(sql, i + 1, digit);
      tokens.push({ kind: 'number', text: sql.slice(i, end), offset: i });
      i = end;
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i += 1;
    }
  }
  return tokens;
}

function scan(sql: string, from: number, part: RegExp): number {
  let i = from;
  while (i < sql.length && part.test(sql[i]!)) i += 1;
  return i;
}

function lineCommentEnd(sql: string, start: number): number {
  let i = start + 2;
  while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r') i += 1;
  return i;
}

function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  throw new SqlLexError('unterminated /* comment', start);
}

/** `E'…'` (escape string): a backslash escapes the next character, including a quote. */
function isEscapeStringPrefix(previous: SqlToken | undefined, quoteAt: number): boolean {
  return previous?.kind === 'word' && /^[Ee]$/.test(previous.text) && previous.offset + 1 === quoteAt;
}

function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean, what: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  throw new SqlLexError(`unterminated ${what}`, start);
}

/** `$1` is a parameter, `$name` a named one, `$$…$$` and `$tag$…$tag$` are dollar-quoted strings. */
function readDollar(sql: string, start: number, tokens: SqlToken[]): number {
  const rest = sql.slice(start);
  const numbered = /^\$[0-9]+/.exec(rest);
  if (numbered) {
    tokens.push({ kind: 'parameter', text: numbered[0], offset: start });
    return start + numbered[0].length;
  }
  const opener = dollarOpener.exec(rest);
  if (opener) {
    const close = sql.indexOf(opener[0], start + opener[0].length);
    if (close < 0) throw new SqlLexError(`unterminated ${opener[0]} quoted string`, start);
    const end = close + opener[0].length;
    tokens.push({ kind: 'string', text: sql.slice(start, end), offset: start });
    return end;
  }
  const named = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
  const text = named ? named[0] : '$';
  tokens.push({ kind: named ? 'parameter' : 'symbol', text, offset: start });
  return start + text.length;
}
