/**
 * The functions an expression may call. Each dialect renders every one of them;
 * anything else is refused at load time, so no raw SQL reaches the warehouse.
 */
export const expressionFunctions = {
  coalesce: { minArgs: 1, maxArgs: Infinity, doc: 'first non-null argument' },
  nullif: { minArgs: 2, maxArgs: 2, doc: 'null when both arguments are equal' },
  abs: { minArgs: 1, maxArgs: 1, doc: 'absolute value' },
  round: { minArgs: 1, maxArgs: 2, doc: 'round to n decimals (default 0)' },
  least: { minArgs: 2, maxArgs: Infinity, doc: 'smallest argument' },
  greatest: { minArgs: 2, maxArgs: Infinity, doc: 'largest argument' },
  lower: { minArgs: 1, maxArgs: 1, doc: 'lower-case text' },
  upper: { minArgs: 1, maxArgs: 1, doc: 'upper-case text' },
  date: { minArgs: 1, maxArgs: 1, doc: 'the calendar date of a timestamp' },
  days_between: { minArgs: 2, maxArgs: 2, doc: 'whole calendar days from the second date to the first' },
  hours_between: { minArgs: 2, maxArgs: 2, doc: 'hours (fractional) from the second timestamp to the first' },
} as const;

export type ExpressionFunction = keyof typeof expressionFunctions;

export function isExpressionFunction(name: string): name is ExpressionFunction {
  return Object.hasOwn(expressionFunctions, name);
}
