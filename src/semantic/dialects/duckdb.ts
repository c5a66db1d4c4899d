import { AnsiDialect, fractionLiteral, valuesRows } from './ansi.js';

export class DuckDbDialect extends AnsiDialect {
  readonly name = 'duckdb';
  /** DuckDB's grammar is Postgres-derived; node-sql-parser has no DuckDB grammar. */
  readonly parserDatabase = 'postgresql';

  override dayOfWeek(sql: string): string {
    return `dayofweek(${sql})`;
  }

  override hoursBetween(endSql: string, startSql: string): string {
    return `(date_diff('second', ${this.castTimestamp(startSql)}, ${this.castTimestamp(endSql)}) / 3600.0)`;
  }

  override percentile(sql: string, fraction: number): string {
    return `quantile_cont(${sql}, ${fractionLiteral(fraction)})`;
  }

  override rowsSql(columns: string[], rows: string[][]): string {
    return valuesRows(columns, rows);
  }
}
