import { describe, expect, it } from 'vitest';
import { assertReadOnly } from './read-only-guard.js';
import { WarehouseError } from './warehouse-error.js';

const accepted: [string, string][] = [
  ['a plain select', 'SELECT 1'],
  ['one trailing semicolon', 'SELECT 1;'],
  ['a trailing comment after the semicolon', 'select * from t where x = 1; \n-- done'],
  ['a leading line comment', '-- the metric\nSELECT 1'],
  ['a leading block comment', '/* revenue */ SELECT 1'],
  ['a CTE', 'WITH x AS (SELECT 1 AS a) SELECT * FROM x'],
  ['VALUES', 'VALUES (1), (2)'],
  ['a parenthesised union', '(SELECT 1) UNION ALL (SELECT 2)'],
  ['keywords inside a string', "SELECT 'drop table x; delete from y'"],
  ['an escaped quote in a string', "SELECT 'it''s; drop table x'"],
  ['an E string with a backslash-escaped quote', "SELECT E'it\\'s; drop table x'"],
  ['keywords as quoted identifiers', 'SELECT "update", "delete"."insert" FROM "delete"'],
  ['a keyword qualified by a table', 'SELECT t.update FROM t'],
  ['a semicolon in a line comment', 'SELECT 1 -- ; DROP TABLE x'],
  ['a semicolon in a block comment', 'SELECT 1 /* ; DELETE FROM t */'],
  ['nested block comments', 'SELECT /* a /* DELETE */ still a comment; */ 1'],
  ['a dollar-quoted string', 'SELECT $$; DROP TABLE x$$'],
  ['a tagged dollar-quoted string', "SELECT $tag$ it's; DELETE $tag$"],
  ['the replace() function', "SELECT replace(name, 'a', 'b') FROM t"],
  ['positional parameters', 'SELECT * FROM t WHERE a = $1 AND b = $2'],
  ['a dollar inside an identifier', 'SELECT a$b FROM t'],
  ['GROUPING SETS', 'SELECT a, count(*) FROM t GROUP BY GROUPING SETS ((a), ())'],
  ['FETCH FIRST', 'SELECT * FROM t ORDER BY a FETCH FIRST 5 ROWS ONLY'],
  ['pg_sleep', 'SELECT pg_sleep(0.1)'],
  ['reading a setting', "SELECT current_setting('TimeZone')"],
  ['SHOW', 'SHOW TABLES'],
  ['DESCRIBE', 'DESCRIBE t'],
  ['EXPLAIN without ANALYZE', 'EXPLAIN SELECT * FROM t'],
  ['lower case', 'with x as (select 1) select * from x'],
  ['IS DISTINCT FROM a string', "SELECT * FROM t WHERE stage IS DISTINCT FROM 'won'"],
  ['FROM a string inside extract and substring', "SELECT extract(year FROM '2024-01-01'::date), substring(name FROM 'a.c') FROM t"],
];

/** [why, sql, what the message must name] */
const refused: [string, string, string][] = [
  ['an INSERT', 'INSERT INTO t VALUES (1)', '"INSERT"'],
  ['an INSERT after a comment', '/* hi */ INSERT INTO t VALUES (1)', '"INSERT"'],
  ['an INSERT in parentheses', '(INSERT INTO t VALUES (1))', '"INSERT"'],
  ['an empty text', '', 'empty'],
  ['only a comment', '-- nothing', 'empty'],
  ['a second statement', 'SELECT 1; DROP TABLE t', 'second statement'],
  ['a second select', 'SELECT 1; SELECT 2', 'second statement'],
  ['a second statement in mixed case', 'select 1; dRoP table t', 'second statement'],
  ['DELETE in a CTE', 'WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', '"DELETE"'],
  ['UPDATE in a CTE', 'wItH x AS (uPdAtE t SET a = 1 RETURNING *) SELECT 1', '"uPdAtE"'],
  ['INSERT in a CTE', 'WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT 1', '"INSERT"'],
  ['SELECT INTO', 'SELECT * INTO newtable FROM t', '"INTO"'],
  ['COPY to a file', "COPY (SELECT 1) TO '/tmp/x.csv'", '"COPY"'],
  ['EXPLAIN ANALYZE', 'EXPLAIN ANALYZE SELECT 1', '"ANALYZE"'],
  ['EXPLAIN (ANALYZE)', 'EXPLAIN (ANALYZE) DELETE FROM t', '"ANALYZE"'],
  ['read_csv', "SELECT * FROM read_csv('/etc/passwd')", 'read_csv()'],
  ['read_csv_auto', "SELECT * FROM read_csv_auto('x.csv')", 'read_csv_auto()'],
  ['read_parquet', "SELECT * FROM read_parquet('s3://b/x.parquet')", 'read_parquet()'],
  ['read_text', "SELECT content FROM read_text('/etc/passwd')", 'read_text()'],
  ['read_json', "SELECT * FROM read_json('x.json')", 'read_json()'],
  ['parquet_scan', "SELECT * FROM parquet_scan('x.parquet')", 'parquet_scan()'],
  ['glob', "SELECT * FROM glob('/home/*')", 'glob()'],
  ['a file named in FROM', "SELECT * FROM 'data.csv'", "'data.csv'"],
  ['a file named in a subquery', "SELECT * FROM t WHERE id IN (SELECT id FROM 'ids.csv')", "'ids.csv'"],
  ['a file named in JOIN', "SELECT * FROM t JOIN 'x.parquet' USING (id)", "'x.parquet'"],
  ['query()', "SELECT * FROM query('SELECT * FROM read_csv(''x'')')", 'query()'],
  ['query_to_xml', "SELECT query_to_xml('select 1', true, false, '')", 'query_to_xml()'],
  ['set_config', "SELECT set_config('default_transaction_read_only', 'off', false)", 'set_config()'],
  ['a qualified set_config', "SELECT pg_catalog.set_config('a', 'b', false)", 'set_config()'],
  ['a quoted set_config', `SELECT "set_config"('a', 'b', false)`, 'set_config()'],
  ['a unicode-escaped identifier', `SELECT U&"set\\005fconfig"('a', 'b', false)`, 'unicode-escaped'],
  ['pg_read_file', "SELECT pg_read_file('/etc/passwd')", 'pg_read_file()'],
  ['lo_import', "SELECT lo_import('/etc/passwd')", 'lo_import()'],
  ['dblink', "SELECT * FROM dblink('host=x', 'delete from t')", 'dblink()'],
  ['nextval', "SELECT nextval('s')", 'nextval()'],
  ['duckdb_secrets', 'SELECT * FROM duckdb_secrets()', 'duckdb_secrets()'],
  ['FOR UPDATE', 'SELECT * FROM t FOR UPDATE', '"UPDATE"'],
  ['FOR SHARE', 'SELECT * FROM t FOR SHARE', '"FOR SHARE"'],
  ['FOR KEY SHARE', 'SELECT * FROM t FOR KEY SHARE', '"FOR KEY"'],
  ['REPLACE INTO', 'REPLACE INTO t VALUES (1)', '"REPLACE"'],
  ['REPLACE INTO after a CTE', 'WITH a AS (SELECT 1) REPLACE INTO t SELECT * FROM a', '"REPLACE INTO"'],
  ['PRAGMA', "PRAGMA table_info('t')", '"PRAGMA"'],
  ['SET', 'SET search_path = x', '"SET"'],
  ['ATTACH', "ATTACH 'other.duckdb'", '"ATTACH"'],
  ['INSTALL', 'INSTALL httpfs', '"INSTALL"'],
  ['LOAD', 'LOAD httpfs', '"LOAD"'],
  ['CALL', 'CALL checkpoint()', '"CALL"'],
  ['CHECKPOINT', 'SELECT * FROM checkpoint()', '"checkpoint"'],
  ['VACUUM', 'VACUUM', '"VACUUM"'],
  ['EXPORT', "EXPORT DATABASE 'dir'", '"EXPORT"'],
  ['CREATE', 'CREATE TABLE t (a INT)', '"CREATE"'],
  ['DROP', 'DROP TABLE t', '"DROP"'],
  ['ALTER', 'ALTER TABLE t ADD COLUMN b INT', '"ALTER"'],
  ['TRUNCATE', 'TRUNCATE t', '"TRUNCATE"'],
  ['GRANT', 'GRANT SELECT ON t TO public', '"GRANT"'],
  ['MERGE', 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', '"MERGE"'],
  ['COMMENT', "COMMENT ON TABLE t IS 'x'", '"COMMENT"'],
  ['BEGIN', 'BEGIN', '"BEGIN"'],
  ['DO', 'DO $$ BEGIN DELETE FROM t; END $$', '"DO"'],
  // Tricks that hide code from a naive scanner but not from the engines' lexers:
  ['an E string hiding nothing', "SELECT E'\\'' DELETE FROM t --'", '"DELETE"'],
  ['a nested comment closing early for a naive scanner', "SELECT 1 /* /* */ ' */ DELETE FROM t --'", '"DELETE"'],
  ['a dollar tag glued to an identifier', 'SELECT x$a$ FROM (DELETE FROM t RETURNING 1) AS y$a$', '"DELETE"'],
  ['backticks (an operator in DuckDB, not a quote)', 'SELECT `; DELETE FROM t; `', 'second statement'],
  ['an unterminated string', "SELECT 'abc", 'unterminated string'],
  ['an unterminated comment', 'SELECT 1 /* abc', 'unterminated /*'],
  ['an unterminated dollar quote', 'SELECT $x$ abc', 'unterminated $x$'],
];

describe('assertReadOnly', () => {
  it.each(accepted)('accepts %s', (_why, sql) => {
    expect(() => assertReadOnly(sql)).not.toThrow();
  });

  it.each(refused)('refuses %s', (_why, sql, named) => {
    let error: unknown;
    try {
      assertReadOnly(sql);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WarehouseError);
    expect(error).toMatchObject({ kind: 'read_only' });
    expect((error as Error).message).toContain(named);
  });

  it('gives the position of the refused word', () => {
    expect(() => assertReadOnly('WITH x AS (DELETE FROM t) SELECT 1')).toThrow('at character 12');
  });
});
