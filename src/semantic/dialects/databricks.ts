import type { TimeType } from '../dialect.js';
import { AnsiDialect, fractionLiteral } from './ansi.js';

export class DatabricksDialect extends AnsiDialect {
  readonly name = 'databricks';
  /** Databricks SQL descends from Hive/Spark SQL: the closest grammar node-sql-parser has. */
  readonly parserDatabase = 'hive';

  override quoteIdentifier(name: string): string {
    return `\`${name.replace(/`/g, '``')}\``;
  }

  override placeholder(index: number): string {
    return `:p${index}`;
  }

  override castText(sql: string): string {
    return `CAST(${sql} AS STRING)`;
  }

  override dayOfWeek(sql: string): string {
    return `(dayofweek(${sql}) - 1)`;
  }

  override addDays(dateSql: string, daysSql: string): string {
    return `date_add(${this.castDate(dateSql)}, ${this.castInteger(daysSql)})`;
  }

  override addMonths(dateSql: string, months: number): string {
    return `add_months(${this.castDate(dateSql)}, ${months})`;
  }

  override daysBetween(endSql: string, startSql: string): string {
    return `datediff(${this.castDate(endSql)}, ${this.castDate(startSql)})`;
  }

  override hoursBetween(endSql: string, startSql: string): string {
    return `((unix_timestamp(${endSql}) - unix_timestamp(${startSql})) / 3600.0)`;
  }

  /** Spark timestamps are instants shown in the session zone, taken as UTC. */
  override localTime(sql: string, _type: Exclude<TimeType, 'date'>, zoneSql: string): string {
    return `from_utc_timestamp(${sql}, ${zoneSql})`;
  }

  override percentile(sql: string, fraction: number): string {
    return `percentile(${sql}, ${fractionLiteral(fraction)})`;
  }
}
