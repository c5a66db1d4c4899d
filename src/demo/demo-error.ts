/**
 * A demo run that cannot start or finish. `input`: bad options or an incidents file (the CLI's
 * exit 2); `target`: the output is not ours to replace (exit 2); `connection`: the server cannot
 * be reached (exit 1). Nothing has been written when one is thrown.
 */
export class DemoError extends Error {
  override readonly name = 'DemoError';

  constructor(
    readonly kind: 'input' | 'target' | 'connection',
    message: string,
    readonly details: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
