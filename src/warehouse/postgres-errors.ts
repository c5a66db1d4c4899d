import pg from 'pg';
import { describeTarget, type PostgresTarget } from './postgres-target.js';
import { WarehouseError } from './warehouse-error.js';

export interface PostgresErrorContext {
  target: PostgresTarget;
  statementTimeoutMs: number;
  /** Scrubbed from any message, should a driver ever echo it. */
  password: string | undefined;
}

/** A failure to reach or log in to the server, naming host:port/db and what to do next. */
export function postgresConnectionError(context: PostgresErrorContext, error: unknown): WarehouseError {
  const { target } = context;
  const where = describeTarget(target);
  const code = codeOf(error);
  const message = messageOf(error);
  let reason: string;
  if (code === 'ECONNREFUSED') {
    reason = `connection refused (ECONNREFUSED): nothing is listening at ${target.host}:${target.port}. Start the server, or check the host and port in the warehouse url.`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    reason = `the host "${target.host}" was not found (${code}). Check the host in the warehouse url.`;
  } else if (code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    reason = `no answer from ${target.host}:${target.port} in time. Check the host, the port and any firewall or VPN.`;
  } else if (code === '3D000') {
    reason = `database "${target.database}" does not exist (3D000). Check the database name in the warehouse url.`;
  } else if (code === '28P01' || code === '28000') {
    reason = `the server refused user "${target.user}": ${message} (${code}). Check the user, the password (the environment variable named by password_env in kpitree.yaml, or PGPASSWORD) and the server's pg_hba.conf.`;
  } else if (/password must be a string|password.*required/i.test(message)) {
    reason = `the server asks for a password and none was given. Put it in an environment variable and name that variable with password_env in kpitree.yaml (or set PGPASSWORD).`;
  } else {
    reason = `${message}${code ? ` (${code})` : ''}.`;
  }
  const text = `Cannot connect to the Postgres warehouse at ${where} as ${target.user}: ${reason}`;
  return new WarehouseError('connection', scrub(text, context.password), { cause: error, code });
}

/** A failed query: a timeout, an engine-level read-only refusal, a lost connection, or a query error. */
export function postgresQueryError(context: PostgresErrorContext, error: unknown): WarehouseError {
  if (!(error instanceof pg.DatabaseError) || /^(08(?!P01)|57P0[123])/.test(error.code ?? '')) {
    return postgresConnectionError(context, error);
  }
  const code = error.code;
  const position = error.position ? Number(error.position) : undefined;
  const details = { cause: error, code, position };
  if (code === '57014' && /statement timeout/i.test(error.message)) {
    const text = `The Postgres query was cancelled after ${context.statementTimeoutMs} ms (statement timeout). Narrow the query or raise statement_timeout in kpitree.yaml.`;
    return new WarehouseError('timeout', text, details);
  }
  if (code === '25006') {
    return new WarehouseError('read_only', scrub(`Postgres refused a write in its read-only session: ${error.message}.`, context.password), details);
  }
  const at = position === undefined ? '' : ` (at character ${position})`;
  const hint = error.hint ? ` Hint: ${error.hint}` : '';
  const text = `Postgres rejected the query: ${error.message}${at} [${code}].${hint}`;
  return new WarehouseError('query', scrub(text, context.password), details);
}

function codeOf(error: unknown): string | undefined {
  const value = error as { code?: unknown; errors?: { code?: unknown }[] } | null;
  const code = value?.code ?? value?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}

function scrub(text: string, password: string | undefined): string {
  return password ? text.replaceAll(password, '***') : text;
}
