export const dialectNames = ['duckdb', 'postgres', 'snowflake', 'bigquery', 'redshift', 'databricks'] as const;
export type DialectName = (typeof dialectNames)[number];

/** How a time column is stored: a date, a timestamp without zone (taken as UTC), or with one. */
export type TimeType = 'date' | 'timestamp' | 'timestamptz';

/**
 * The SQL text that differs between warehouses. Everything here returns SQL fragments and never
 * sees a user value: values are bound as parameters by the compiler, numbers given here are
 * validated integers or fractions from definitions.
 */
export interface Dialect {
  readonly name: DialectName;
  /** The node-sql-parser grammar that checks this dialect's SQL. */
  readonly parserDatabase: string;

  quoteIdentifier(name: string): string;
  /** Placeholder of the 1-based parameter `index`. */
  placeholder(index: number): string;

  castDate(sql: string): string;
  /** A timestamp without time zone (a wall-clock time). */
  castTimestamp(sql: string): string;
  castDouble(sql: string): string;
  castText(sql: string): string;
  nullDouble(): string;

  /** First day of the calendar month, quarter or year containing a date or timestamp, as a DATE. */
  truncate(unit: 'month' | 'quarter' | 'year', sql: string): string;
  /** Day of week: 0 = Sunday … 6 = Saturday. */
  dayOfWeek(sql: string): string;
  /** A date moved by a number of days given as SQL (an integer expression). */
  addDays(dateSql: string, daysSql: string): string;
  addMonths(dateSql: string, months: number): string;
  /** Whole calendar days from start to end. */
  daysBetween(endSql: string, startSql: string): string;
  /** Hours, with fractions, from start to end. */
  hoursBetween(endSql: string, startSql: string): string;
  /** Wall-clock time in the zone named by `zoneSql` (a bound parameter) of a stored timestamp. */
  localTime(sql: string, type: Exclude<TimeType, 'date'>, zoneSql: string): string;
  mod(sql: string, divisor: number): string;
  round(sql: string, digitsSql: string): string;

  percentile(sql: string, fraction: number): string;
  /** A literal table of rows (each a list of SQL values) with the given column names. */
  rowsSql(columns: string[], rows: string[][]): string;
  /** GROUP BY the keys and every combination of the cube columns (all their grouping sets). */
  groupByCube(keys: string[], cube: string[]): string;
}
