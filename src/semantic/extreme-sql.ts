/**
 * greatest() and least() are null when any argument is null, on every warehouse: Postgres and
 * DuckDB would skip nulls where Snowflake and BigQuery do not, and an empty period's average must
 * not turn into the other argument on one warehouse only.
 */
export function extremeSql(name: 'greatest' | 'least', args: string[]): string {
  return `CASE WHEN ${args.map((a) => `${a} IS NULL`).join(' OR ')} THEN NULL ELSE ${name.toUpperCase()}(${args.join(', ')}) END`;
}
