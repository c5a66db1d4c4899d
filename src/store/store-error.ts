/**
 * - `url`: the store url cannot be read;  `folder`: the PGlite folder cannot be created or used;
 * - `in_use`: another process holds the PGlite folder;  `connection`: the server cannot be reached;
 * - `migration`: the schema cannot be brought up to date;  `query`: the database refused a statement;
 * - `input`: a repository was given values it cannot store (nothing was written).
 */
export type StoreErrorKind = 'url' | 'folder' | 'in_use' | 'connection' | 'migration' | 'query' | 'input';

/** A store failure with a message fit to print: where, what, and what to do next. Never holds a password. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** The database's SQLSTATE, or a Node error code (ECONNREFUSED), when there is one. */
  readonly code: string | undefined;

  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    details: { cause?: unknown; code?: string } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
  }
}
