import type { Dialect } from './dialect.js';

export type SqlParam = string | number | boolean | null;

/** Collects bound values in order and hands out the dialect's placeholder for each. */
export class SqlParams {
  readonly values: SqlParam[] = [];

  constructor(private readonly dialect: Dialect) {}

  bind(value: SqlParam): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }
}
