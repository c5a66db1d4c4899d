import { CompileError } from '../semantic/index.js';
import { UsageError } from './cli-error.js';

const flags: Record<string, string> = { metric: '<metric>', dimensions: '--by', filters: '--where', from: '--from', to: '--to' };

/** Runs work that compiles a request; a compile error becomes bad input naming the user's flag. */
export async function asUsage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw compileErrorToUsage(error);
  }
}

/** A compile error names a request parameter; the user knows it by its flag. */
function compileErrorToUsage(error: unknown): unknown {
  if (!(error instanceof CompileError)) return error;
  const flag = flags[error.parameter];
  return new UsageError(`${flag ? `${flag}: ` : ''}${error.message}${error.hint ? ` (${error.hint})` : ''}`);
}
