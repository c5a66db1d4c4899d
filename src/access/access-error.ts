/** A request the access layer refuses, with a message fit to show the person asking (never a secret). */
export class AccessError extends Error {
  constructor(
    readonly kind: 'unknown_person' | 'disabled' | 'weak_password' | 'unknown_token',
    message: string,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}
