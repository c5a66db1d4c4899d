import { userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { StoreError } from './store-error.js';

/** Where a Postgres store lives. The password is kept for connecting and never printed. */
export interface PostgresStoreTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | undefined;
  ssl: 'disable' | 'require' | 'verify-full' | undefined;
  /** From `?schema=`: the schema of the store's tables. */
  schema: string | undefined;
}

export type StoreLocation = { engine: 'pglite'; folder: string | undefined } | { engine: 'postgres'; target: PostgresStoreTarget };

const forms = 'Write pglite:<folder> (default: <project>/.kpitree/store), pglite::memory:, or postgres://user[:password]@host:port/database (the DATABASE_URL form).';

/** The store url of a project: DATABASE_URL when set, else the PGlite folder `<project>/.kpitree/store`. */
export function storeUrlFor(projectDir: string, databaseUrl?: string): string {
  return databaseUrl?.trim() ? databaseUrl.trim() : `pglite:${join(resolve(projectDir), '.kpitree', 'store')}`;
}

/** Reads a store url; a relative PGlite folder is resolved against `baseDir`. Messages never repeat the url. */
export function parseStoreUrl(url: string, baseDir: string = process.cwd()): StoreLocation {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'pglite') {
    const rest = url.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === ':memory:') return { engine: 'pglite', folder: undefined };
    if (rest === '') throw new StoreError('url', `The store url names no folder. ${forms}`);
    return { engine: 'pglite', folder: isAbsolute(rest) ? rest : resolve(baseDir, rest) };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { engine: 'postgres', target: postgresTarget(url) };
  throw new StoreError('url', `Unsupported store url scheme (${scheme ? `"${scheme}:"` : 'none'}). ${forms}`);
}

function postgresTarget(url: string): PostgresStoreTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('url', `The Postgres store url (DATABASE_URL) is malformed. ${forms}`);
  }
  if (parsed.hostname === '') throw new StoreError('url', `The Postgres store url names no host. ${forms}`);
  const unknown = [...parsed.searchParams.keys()].filter((key) => key !== 'sslmode' && key !== 'schema');
  if (unknown.length > 0) {
    throw new StoreError('url', `Unsupported Postgres store url parameter ${unknown.map((k) => `"${k}"`).join(', ')}; only sslmode and schema are read.`);
  }
  const sslmode = parsed.searchParams.get('sslmode') ?? undefined;
  if (sslmode !== undefined && sslmode !== 'disable' && sslmode !== 'require' && sslmode !== 'verify-full') {
    throw new StoreError('url', `Unsupported sslmode "${sslmode}" in the store url: use disable, require or verify-full.`);
  }
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || userInfo().username;
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user,
    user,
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    ssl: sslmode,
    schema: parsed.searchParams.get('schema') || undefined,
  };
}

/** postgres://user@host:port/database, plus the schema when one is named: safe to print. */
export function describePostgresTarget(target: PostgresStoreTarget, schema: string | undefined): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const where = `postgres://${encodeURIComponent(target.user)}@${host}:${target.port}/${target.database}`;
  return schema === undefined ? where : `${where} (schema ${schema})`;
}
