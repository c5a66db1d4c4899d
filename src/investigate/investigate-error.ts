import { didYouMean } from '../model/index.js';

/** Why a change cannot be explained: the request names something that is not there (input) or the store lacks the values (no_data). */
export class InvestigateError extends Error {
  constructor(
    readonly kind: 'input' | 'no_data',
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'InvestigateError';
  }
}

/** Bad input naming something the project lacks: `unknown metric "revenu" (did you mean "revenue"?)`. */
export function unknownName(what: string, name: string, known: Iterable<string>): InvestigateError {
  const hint = didYouMean(name, known);
  return new InvestigateError('input', `${what} "${name}"${hint ? ` (${hint})` : ''}`);
}
