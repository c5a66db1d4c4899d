/** Exit codes every command keeps: 0 success, 1 a runtime failure, 2 bad input. */
export const exitCodes = { ok: 0, failure: 1, badInput: 2 } as const;

/** Bad input from the user (an argument, an option, a project file): exit code 2. */
export class UsageError extends Error {
  readonly exitCode = exitCodes.badInput;

  constructor(message: string, readonly details: string[] = []) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A runtime failure the command has already explained (a sync with failed metrics): exit code 1, its message printed once. */
export class RuntimeFailure extends Error {
  readonly exitCode = exitCodes.failure;

  constructor(message: string, readonly details: string[] = []) {
    super(message);
    this.name = 'RuntimeFailure';
  }
}
