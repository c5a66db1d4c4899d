import { StoreError } from '../store-error.js';

/** The fields a Postgres error carries, from `pg` or from PGlite alike. */
interface PostgresErrorFields {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  hint?: unknown;
}

/**
 * A database error (with a SQLSTATE) as a StoreError. Connection-class states (08…, 57P01–57P03)
 * are `connection`; the rest `query`, with the database's message, detail and hint. The driver's
 * error is not kept as the cause: PGlite's carries every bound parameter, which may be 100k values.
 */
export function databaseError(error: unknown, description: string): StoreError | undefined {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as PostgresErrorFields;
  const code = typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) ? fields.code : undefined;
  if (code === undefined) return undefined;
  const message = String(fields.message ?? 'unknown error');
  if (/^(08|57P0[123])/.test(code)) {
    return new StoreError('connection', `Lost the connection to the store at ${description}: ${message} [${code}]. Check that the database is running, then retry.`, { code });
  }
  const detail = typeof fields.detail === 'string' && fields.detail ? ` Detail: ${fields.detail}` : '';
  const hint = typeof fields.hint === 'string' && fields.hint ? ` Hint: ${fields.hint}` : '';
  return new StoreError('query', `The store at ${description} refused a statement: ${message} [${code}].${detail}${hint}`, { code });
}

export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}

export function errorCode(error: unknown): string | undefined {
  const value = error as { code?: unknown; errors?: { code?: unknown }[] } | null;
  const code = value?.code ?? value?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}
