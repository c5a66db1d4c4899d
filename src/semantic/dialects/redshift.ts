import type { TimeType } from '../dialect.js';
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
}
