import type { TimeType } from '../dialect.js';
import { AnsiDialect } from './ansi.js';

export class BigQueryDialect extends AnsiDialect {
  readonly name = 'bigquery';
  readonly parserDatabase = 'bigquery';

  override quoteIdentifier(name: string): string {
    return `\`${name.replace(/[`\\]/g, '\\$&')}\``;
  }

  override placeholder(index: number): string {
    return `@p${index}`;
  }

  /** BigQuery's TIMESTAMP is an instant; a wall-clock time is a DATETIME. */
  override castTimestamp(sql: string): string {
    return `CAST(${sql} AS DATETIME)`;
  }

  override castDouble(sql: string): string {
    return `CAST(${sql} AS FLOAT64)`;
  }

  override castText(sql: string): string {
    return `CAST(${sql} AS STRING)`;
  }

  override truncate(unit: 'month' | 'quarter' | 'year', sql: string): string {
    return `DATE_TRUNC(${this.castDate(sql)}, ${unit.toUpperCase()})`;
  }

  override dayOfWeek(sql: string): string {
    return `(EXTRACT(DAYOFWEEK FROM ${sql}) - 1)`;
  }

  override addDays(dateSql: string, daysSql: string): string {
    return `DATE_ADD(${this.castDate(dateSql)}, INTERVAL ${this.castInteger(daysSql)} DAY)`;
  }

  override addMonths(dateSql: string, months: number): string {
    return `DATE_ADD(${this.castDate(dateSql)}, INTERVAL ${months} MONTH)`;
  }

  override daysBetween(endSql: string, startSql: string): string {
    return `DATE_DIFF(${this.castDate(endSql)}, ${this.castDate(startSql)}, DAY)`;
  }

  override hoursBetween(endSql: string, startSql: string): string {
    return `(DATETIME_DIFF(${this.castTimestamp(endSql)}, ${this.castTimestamp(startSql)}, SECOND) / 3600.0)`;
  }

  override localTime(sql: string, type: Exclude<TimeType, 'date'>, zoneSql: string): string {
    return type === 'timestamptz' ? `DATETIME(${sql}, ${zoneSql})` : `DATETIME(TIMESTAMP(${sql}), ${zoneSql})`;
  }

  /** BigQuery has no exact percentile aggregate: an approximation on 1000 quantiles. */
  override percentile(sql: string, fraction: number): string {
    return `APPROX_QUANTILES(${sql}, 1000)[OFFSET(${Math.round(fraction * 1000)})]`;
  }

  protected override castInteger(sql: string): string {
    return `CAST(${sql} AS INT64)`;
  }

  /** BigQuery's GROUP BY takes CUBE alone, not beside a plain column: cube the key too and keep its rows. */
  override groupByCube(keys: string[], cube: string[]): string {
    if (cube.length === 0) return super.groupByCube(keys, cube);
    return `GROUP BY CUBE (${[...keys, ...cube].join(', ')})\nHAVING ${keys.map((k) => `GROUPING(${k}) = 0`).join(' AND ')}`;
  }
}
