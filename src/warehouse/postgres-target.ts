/** Where a Postgres warehouse lives, parsed from its URL. Holds no password. */
export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  /** From `?sslmode=`: off, encrypted without verifying the certificate, or verified. */
  ssl: 'disable' | 'require' | 'verify-full' | undefined;
}

/** host:port/database, for messages. */
export function describeTarget(target: PostgresTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${host}:${target.port}/${target.database}`;
}

/** The URL without password: safe to print. */
export function postgresDescription(target: PostgresTarget): string {
  return `postgres://${encodeURIComponent(target.user)}@${describeTarget(target)}`;
}
