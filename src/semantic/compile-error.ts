/**
 * A request or definition the compiler cannot turn into SQL. `parameter` names what the user
 * gave (e.g. "dimensions", "from") or the definition field at fault.
 */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CompileError';
  }
}
