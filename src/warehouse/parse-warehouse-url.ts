import { isAbsolute, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { PostgresTarget } from './postgres-target.js';
import { WarehouseError } from './warehouse-error.js';

export type WarehouseUrl = { engine: 'duckdb'; path: string } | { engine: 'postgres'; target: PostgresTarget };

const supported =
  'Supported: duckdb:<path/to/file.duckdb>, duckdb::memory:, postgres://user@host:port/database (or postgresql://). ' +
  'kpitree generates SQL for Snowflake, BigQuery, Redshift and Databricks, but their connectors are not available yet.';

/**
 * Reads a warehouse URL. A DuckDB path is resolved against `baseDir`. A Postgres URL must not
 * hold a password; messages never repeat the URL, so a password in it is never printed.
 */
export function parseWarehouseUrl(url: string, baseDir: string = process.cwd()): WarehouseUrl {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'duckdb') return { engine: 'duckdb', path: duckDbPath(url.slice('duckdb:'.length), baseDir) };
  if (scheme === 'postgres' || scheme === 'postgresql') return { engine: 'postgres', target: postgresTarget(url) };
  const named = scheme ? `"${scheme}:"` : 'none';
  throw new WarehouseError('url', `Unsupported warehouse url scheme (${named}). ${supported}`);
}

function duckDbPath(rest: string, baseDir: string): string {
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path === ':memory:') return path;
  if (path === '') throw new WarehouseError('url', `The DuckDB url names no file: write duckdb:path/to/file.duckdb or duckdb::memory:.`);
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

function postgresTarget(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WarehouseError('url', `The Postgres warehouse url is malformed: write postgres://user@host:port/database.`);
  }
  if (parsed.password !== '') {
    throw new WarehouseError(
      'url',
      'The warehouse url contains a password. Remove it from the url, put the password in an environment variable, ' +
        'and name that variable with password_env in kpitree.yaml (for example password_env: WAREHOUSE_PASSWORD).',
    );
  }
  if (parsed.hostname === '') throw new WarehouseError('url', 'The Postgres warehouse url names no host: write postgres://user@host:port/database.');
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || userInfo().username;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database,
    user,
    ssl: sslMode(parsed.searchParams),
  };
}

function sslMode(params: URLSearchParams): PostgresTarget['ssl'] {
  const unknown = [...params.keys()].filter((key) => key !== 'sslmode');
  if (unknown.length > 0) {
    throw new WarehouseError('url', `Unsupported Postgres url parameter ${unknown.map((k) => `"${k}"`).join(', ')}; only sslmode is read.`);
  }
  const mode = params.get('sslmode');
  if (mode === null) return undefined;
  if (mode === 'disable' || mode === 'require' || mode === 'verify-full') return mode;
  throw new WarehouseError('url', `Unsupported sslmode "${mode}": use disable, require or verify-full.`);
}
