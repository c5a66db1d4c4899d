import type { TimeType } from '../dialect.js';
import { AnsiDialect } from './ansi.js';

export class SnowflakeDialect extends AnsiDialect {
  readonly name = 'snowflake';
  readonly parserDatabase = 'snowflake';

  override placeholder(index: number): string {
    return `:${index}`;
  }

  override castTimestamp(sql: string): string {
    return `CAST(${sql} AS TIMESTAMP_NTZ)`;
  }

  /** DAYOFWEEK depends on the session's WEEK_START; the ISO day does not. */
  override dayOfWeek(sql: string): string {
    return this.mod(`DAYOFWEEKISO(${sql})`, 7);
  }

  override addDays(dateSql: string, daysSql: string): string {
    return this.castDate(`DATEADD(day, ${this.castInteger(daysSql)}, ${dateSql})`);
  }

  override addMonths(dateSql: string, months: number): string {
    return this.castDate(`DATEADD(month, ${months}, ${dateSql})`);
  }

  override daysBetween(endSql: string, startSql: string): string {
    return `DATEDIFF(day, ${this.castDate(startSql)}, ${this.castDate(endSql)})`;
  }

  override hoursBetween(endSql: string, startSql: string): string {
    return `(DATEDIFF(second, ${this.castTimestamp(startSql)}, ${this.castTimestamp(endSql)}) / 3600.0)`;
  }

  override localTime(sql: string, type: Exclude<TimeType, 'date'>, zoneSql: string): string {
    return type === 'timestamptz'
      ? this.castTimestamp(`CONVERT_TIMEZONE(${zoneSql}, ${sql})`)
      : `CONVERT_TIMEZONE('UTC', ${zoneSql}, ${sql})`;
  }
}
