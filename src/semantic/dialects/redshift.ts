import type { TimeType } from '../dialect.js';
import { unionAllRows } from './ansi.js';
import { PostgresDialect } from './postgres.js';

/** Redshift speaks the Postgres wire protocol and most of its SQL; its date functions differ. */
export class RedshiftDialect extends PostgresDialect {
  override readonly name = 'redshift';
  override readonly parserDatabase = 'redshift';

  override addDays(dateSql: string, daysSql: string): string {
    return this.castDate(`DATEADD(day, ${this.castInteger(daysSql)}, ${dateSql})`);
  }

  override addMonths(dateSql: string, months: number): string {
    return this.castDate(`DATEADD(month, ${months}, ${dateSql})`);
  }

  override hoursBetween(endSql: string, startSql: string): string {
    return `(DATEDIFF(second, ${this.castTimestamp(startSql)}, ${this.castTimestamp(endSql)}) / 3600.0)`;
  }

  override localTime(sql: string, type: Exclude<TimeType, 'date'>, zoneSql: string): string {
    return type === 'timestamptz' ? `CONVERT_TIMEZONE(${zoneSql}, ${sql})` : `CONVERT_TIMEZONE('UTC', ${zoneSql}, ${sql})`;
  }

  /** Redshift has no VALUES lists in FROM. */
  override rowsSql(columns: string[], rows: string[][]): string {
    return unionAllRows(columns, rows);
  }

  /** Redshift rounds doubles; its bare NUMERIC is DECIMAL(18,0), which would drop every decimal. */
  override round(sql: string, digitsSql: string): string {
    return `ROUND(${this.castDouble(sql)}, ${digitsSql})`;
  }
}
