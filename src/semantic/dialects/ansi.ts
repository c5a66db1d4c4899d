import type { Dialect, DialectName, TimeType } from '../dialect.js';

/**
 * Standard SQL as most warehouses speak it. Each dialect extends this class and overrides only
 * what its engine spells differently.
 */
export abstract class AnsiDialect implements Dialect {
  abstract readonly name: DialectName;
  abstract readonly parserDatabase: string;

  quoteIdentifier(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
  }

  placeholder(index: number): string {
    return `$${index}`;
  }

  castDate(sql: string): string {
    return `CAST(${sql} AS DATE)`;
  }

  castTimestamp(sql: string): string {
    return `CAST(${sql} AS TIMESTAMP)`;
  }

  castDouble(sql: string): string {
    return `CAST(${sql} AS DOUBLE)`;
  }

  castText(sql: string): string {
    return `CAST(${sql} AS VARCHAR)`;
  }

  nullDouble(): string {
    return this.castDouble('NULL');
  }

  truncate(unit: 'month' | 'quarter' | 'year', sql: string): string {
    return this.castDate(`DATE_TRUNC('${unit}', ${sql})`);
  }

  dayOfWeek(sql: string): string {
    return `EXTRACT(DOW FROM ${sql})`;
  }

  addDays(dateSql: string, daysSql: string): string {
    return this.castDate(`${dateSql} + ${this.castInteger(daysSql)}`);
  }

  addMonths(dateSql: string, months: number): string {
    return this.castDate(`${dateSql} + INTERVAL '${integer(months)} months'`);
  }

  daysBetween(endSql: string, startSql: string): string {
    return `(${this.castDate(endSql)} - ${this.castDate(startSql)})`;
  }

  hoursBetween(endSql: string, startSql: string): string {
    return `(EXTRACT(EPOCH FROM (${this.castTimestamp(endSql)} - ${this.castTimestamp(startSql)})) / 3600.0)`;
  }

  localTime(sql: string, type: Exclude<TimeType, 'date'>, zoneSql: string): string {
    const instant = type === 'timestamptz' ? sql : `timezone('UTC', ${sql})`;
    return `timezone(${zoneSql}, ${instant})`;
  }

  mod(sql: string, divisor: number): string {
    return `MOD(${sql}, ${integer(divisor)})`;
  }

  round(sql: string, digitsSql: string): string {
    return `ROUND(${sql}, ${digitsSql})`;
  }

  percentile(sql: string, fraction: number): string {
    return `PERCENTILE_CONT(${fractionLiteral(fraction)}) WITHIN GROUP (ORDER BY ${sql})`;
  }

  rowsSql(columns: string[], rows: string[][]): string {
    return unionAllRows(columns, rows);
  }

  groupByCube(keys: string[], cube: string[]): string {
    const parts = [...keys, ...(cube.length > 0 ? [`CUBE (${cube.join(', ')})`] : [])];
    return `GROUP BY ${parts.join(', ')}`;
  }

  protected castInteger(sql: string): string {
    return `CAST(${sql} AS INTEGER)`;
  }
}

/** Rows as SELECT … UNION ALL SELECT …: every engine reads it, but very long lists strain some parsers. */
export function unionAllRows(columns: string[], rows: string[][]): string {
  return rows.map((row) => `SELECT ${row.map((value, i) => `${value} AS ${columns[i]}`).join(', ')}`).join('\nUNION ALL\n');
}

/** Rows as one VALUES list, which Postgres and DuckDB parse without recursion however long. */
export function valuesRows(columns: string[], rows: string[][]): string {
  return `SELECT ${columns.join(', ')} FROM (VALUES\n${rows.map((row) => `  (${row.join(', ')})`).join(',\n')}\n) AS v(${columns.join(', ')})`;
}

/** Renders a validated integer; anything else is a programming error, never user text. */
export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`expected an integer, got ${value}`);
  return String(value);
}

export function fractionLiteral(value: number): string {
  if (!(value > 0 && value < 1)) throw new Error(`expected a fraction between 0 and 1, got ${value}`);
  return String(value);
}
