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
