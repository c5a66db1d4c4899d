import type { Dialect, DialectName } from '../dialect.js';
import { BigQueryDialect } from './bigquery.js';
import { DatabricksDialect } from './databricks.js';
import { DuckDbDialect } from './duckdb.js';
import { PostgresDialect } from './postgres.js';
import { RedshiftDialect } from './redshift.js';
import { SnowflakeDialect } from './snowflake.js';

export const dialects: Readonly<Record<DialectName, Dialect>> = {
  duckdb: new DuckDbDialect(),
  postgres: new PostgresDialect(),
  snowflake: new SnowflakeDialect(),
  bigquery: new BigQueryDialect(),
  redshift: new RedshiftDialect(),
  databricks: new DatabricksDialect(),
};
