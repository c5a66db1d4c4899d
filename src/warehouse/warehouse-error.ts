export type WarehouseErrorKind = 'url' | 'connection' | 'read_only' | 'timeout' | 'query';

export interface WarehouseErrorDetails {
  cause?: unknown;
  /** 1-based character position in the SQL text, when the database gives one. */
  position?: number;
  /** The database's error code (a Postgres SQLSTATE), when it gives one. */
  code?: string;
}

/** A warehouse failure with a message fit to print to a user. Never holds a password. */
export class WarehouseError extends Error {
  override readonly name = 'WarehouseError';
  readonly position: number | undefined;
  readonly code: string | undefined;

  constructor(
    readonly kind: WarehouseErrorKind,
    message: string,
    details: WarehouseErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.position = details.position;
    this.code = details.code;
  }
}
