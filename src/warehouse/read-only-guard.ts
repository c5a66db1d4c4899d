import { SqlLexError, tokenizeSql, type SqlToken } from './tokenize-sql.js';
import { WarehouseError } from './warehouse-error.js';

const readStarts = new Set(['SELECT', 'WITH', 'VALUES', 'SHOW', 'DESCRIBE', 'EXPLAIN']);

/** Words that change data, schema, settings or server state, refused anywhere as keywords. */
const writeWords = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'COPY',
  'GRANT', 'REVOKE', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD', 'PRAGMA', 'SET', 'RESET', 'CALL',
  'EXPORT', 'IMPORT', 'VACUUM', 'CHECKPOINT', 'COMMENT', 'INTO', 'ANALYZE', 'ANALYSE', 'REINDEX',
  'CLUSTER', 'REFRESH', 'DISCARD', 'LISTEN', 'UNLISTEN', 'NOTIFY', 'PREPARE', 'EXECUTE',
  'DEALLOCATE', 'DECLARE', 'LOCK', 'USE',
]);

/** Functions that are not reads of warehouse tables, with the reason given to the user. */
const refusedFunctions: { pattern: RegExp; reason: string }[] = [
  {
    pattern:
      /^(read_.*|.*_scan|glob|sniff_csv|parquet_.*|iceberg_.*|delta_.*|sqlite_.*|postgres_.*|mysql_.*|st_read.*|pg_read_.*|pg_ls_.*|pg_stat_file|pg_file_.*|lo_.*|dblink.*)$/,
    reason: 'it reads files or other databases; a warehouse query may read warehouse tables only',
  },
  {
    pattern: /^(query|query_table|query_to_xml.*|cursor_to_xml.*|json_execute_serialized_sql)$/,
    reason: 'it runs SQL given as a string, which the guard cannot check',
  },
  {
    pattern:
      /^(set_config|nextval|setval|pg_notify|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_switch_wal|pg_create_restore_point|pg_promote|pg_logical_emit_message|force_checkpoint|duckdb_secrets|which_secret|getenv)$/,
    reason: 'it changes or reveals session or server state',
  },
];

/**
 * Throws a WarehouseError (kind 'read_only') unless `sql` is one statement that only reads:
 * it starts with SELECT, WITH, VALUES, SHOW, DESCRIBE or EXPLAIN, has no second statement, and
 * uses no data-changing keyword or file-reading, SQL-running or settings-changing function.
 * Comments, strings, dollar quotes and quoted identifiers are skipped, so `SELECT 'drop'` passes.
 * It errs towards refusing: an unquoted column named like a keyword (`update`) is refused.
 */
export function assertReadOnly(sql: string): void {
  const tokens = tokensOf(sql);
  const end = statementEnd(tokens);
  const statement = tokens.slice(0, end);
  const first = statement.find((t) => !(t.kind === 'symbol' && t.text === '('));
  if (first === undefined) throw refusal('the query is empty');
  if (first.kind !== 'word' || !readStarts.has(first.text.toUpperCase())) {
    throw refusal(
      `only SELECT, WITH, VALUES, SHOW, DESCRIBE and EXPLAIN statements may run on the warehouse; this one starts with "${first.text}"`,
    );
  }
  const calls = enclosingCalls(statement);
  statement.forEach((_token, index) => checkToken(statement, index, calls[index]));
}

/** For each token, the upper-cased word before the innermost `(` around it, if any. */
function enclosingCalls(tokens: SqlToken[]): (string | undefined)[] {
  const stack: (string | undefined)[] = [];
  return tokens.map((token, index) => {
    const current = stack.at(-1);
    if (isSymbol('(')(token)) {
      const before = tokens[index - 1];
      stack.push(before?.kind === 'word' ? before.text.toUpperCase() : undefined);
    } else if (isSymbol(')')(token)) {
      stack.pop();
    }
    return current;
  });
}

/** Functions whose syntax has FROM inside: `extract(year FROM '2024-01-01'::date)`. */
const fromInsideCalls = new Set(['EXTRACT', 'SUBSTRING', 'SUBSTR', 'TRIM', 'OVERLAY', 'POSITION']);

function tokensOf(sql: string): SqlToken[] {
  try {
    return tokenizeSql(sql);
  } catch (error) {
    if (error instanceof SqlLexError) throw refusal(`${error.message} at character ${error.offset + 1}`);
    throw error;
  }
}

/** Index of the first `;`; anything but more `;` after it is a second statement. */
function statementEnd(tokens: SqlToken[]): number {
  const semicolon = tokens.findIndex(isSymbol(';'));
  if (semicolon < 0) return tokens.length;
  const extra = tokens.slice(semicolon).find((t) => !isSymbol(';')(t));
  if (extra) {
    throw refusal(`a second statement follows ";" (at character ${extra.offset + 1}); send one statement at a time`);
  }
  return semicolon;
}

function checkToken(tokens: SqlToken[], index: number, call: string | undefined): void {
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  const at = `at character ${token.offset + 1}`;
  if (token.kind === 'word' && !(previous && isSymbol('.')(previous))) {
    const word = token.text.toUpperCase();
    const nextWord = next?.kind === 'word' ? next.text.toUpperCase() : undefined;
    if (word === 'REPLACE' && nextWord === 'INTO') throw refusal(`"REPLACE INTO" ${at}: only reads may run on the warehouse`);
    if (word === 'FOR' && (nextWord === 'SHARE' || nextWord === 'KEY')) {
      throw refusal(`"FOR ${nextWord}" ${at}: row locks are not reads`);
    }
    if (writeWords.has(word)) throw refusal(`"${token.text}" ${at}: only reads may run on the warehouse`);
    const tableFrom = word === 'FROM' && !fromInsideCalls.has(call ?? '') && previous?.text.toUpperCase() !== 'DISTINCT';
    if ((tableFrom || word === 'JOIN') && next?.kind === 'string') {
      throw refusal(`${token.text} ${next.text} ${at}: reading a file named by a string is not allowed; read warehouse tables only`);
    }
  }
  if (token.kind === 'identifier' && previous && isSymbol('&')(previous)) {
    throw refusal(`a unicode-escaped identifier (U&"…") ${at} is not accepted`);
  }
  if ((token.kind === 'word' || token.kind === 'identifier') && next && isSymbol('(')(next)) {
    checkFunction(token, at);
  }
}

function checkFunction(token: SqlToken, at: string): void {
  const name = (token.kind === 'identifier' ? token.text.slice(1, -1).replaceAll('""', '"') : token.text).toLowerCase();
  const refused = refusedFunctions.find((f) => f.pattern.test(name));
  if (refused) throw refusal(`${name}() ${at}: ${refused.reason}`);
}

function isSymbol(text: string): (token: SqlToken) => boolean {
  return (token) => token.kind === 'symbol' && token.text === text;
}

function refusal(detail: string): WarehouseError {
  return new WarehouseError('read_only', `Refused to run on the warehouse: ${detail}.`);
}
