import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../semantic/index.js';
import { columnTypeOf } from './column-type.js';

const cases: [string, ColumnType][] = [
  ['VARCHAR', 'string'],
  ['character varying', 'string'],
  ['character varying(20)', 'string'],
  ['text', 'string'],
  ['character', 'string'],
  ['INTEGER', 'number'],
  ['BIGINT', 'number'],
  ['HUGEINT', 'number'],
  ['DECIMAL(18,2)', 'number'],
  ['numeric', 'number'],
  ['double precision', 'number'],
  ['DOUBLE', 'number'],
  ['real', 'number'],
  ['FLOAT', 'number'],
  ['boolean', 'boolean'],
  ['DATE', 'date'],
  ['TIMESTAMP', 'timestamp'],
  ['timestamp without time zone', 'timestamp'],
  ['timestamp(3) without time zone', 'timestamp'],
  ['datetime', 'timestamp'],
  ['TIMESTAMP_NS', 'timestamp'],
  ['TIMESTAMP WITH TIME ZONE', 'timestamptz'],
  ['timestamptz', 'timestamptz'],
  ['interval', 'other'],
  ['json', 'other'],
  ['INTEGER[]', 'other'],
  ['uuid', 'other'],
];

describe('columnTypeOf', () => {
  it.each(cases)('maps %s to %s', (raw, type) => {
    expect(columnTypeOf(raw)).toBe(type);
  });
});
