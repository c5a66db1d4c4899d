/** Discovery cannot go on because of what it was given (a schema that does not exist, no Salesforce tables, a folder in use): exit code 2. */
export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';

  constructor(message: string, readonly details: string[] = []) {
    super(message);
  }
}
