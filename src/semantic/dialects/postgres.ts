import { AnsiDialect, valuesRows } from './ansi.js';

export class PostgresDialect extends AnsiDialect {
  readonly name: 'postgres' | 'redshift' = 'postgres';
  readonly parserDatabase: string = 'postgresql';

  override castDouble(sql: string): string {
    return `CAST(${sql} AS DOUBLE PRECISION)`;
  }

  override castText(sql: string): string {
    return `CAST(${sql} AS TEXT)`;
  }

  /** Postgres rounds numerics only, not doubles. */
  override round(sql: string, digitsSql: string): string {
    return `ROUND(CAST(${sql} AS NUMERIC), ${digitsSql})`;
  }

  override rowsSql(columns: string[], rows: string[][]): string {
    return valuesRows(columns, rows);
  }
}
