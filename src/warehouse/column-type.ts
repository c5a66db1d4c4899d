import type { ColumnType } from '../semantic/index.js';

const typesByName: Record<string, ColumnType> = {};
const groups: [ColumnType, string[]][] = [
  ['string', ['varchar', 'character varying', 'text', 'char', 'character', 'bpchar', 'string', 'name', 'citext']],
  [
    'number',
    [
      'tinyint', 'smallint', 'integer', 'int', 'int1', 'int2', 'int4', 'int8', 'bigint', 'hugeint',
      'utinyint', 'usmallint', 'uinteger', 'ubigint', 'uhugeint', 'decimal', 'numeric', 'double',
      'double precision', 'real', 'float', 'float4', 'float8',
    ],
  ],
  ['boolean', ['boolean', 'bool']],
  ['date', ['date']],
  [
    'timestamp',
    ['timestamp', 'timestamp without time zone', 'datetime', 'timestamp_s', 'timestamp_ms', 'timestamp_ns'],
  ],
  ['timestamptz', ['timestamptz', 'timestamp with time zone']],
];
for (const [type, names] of groups) for (const name of names) typesByName[name] = type;

/**
 * The ColumnType of a type as a warehouse names it ('DECIMAL(18,2)', 'character varying',
 * 'timestamp(3) with time zone'). Case, sizes and precisions are ignored; unknown types are 'other'.
 */
export function columnTypeOf(rawType: string): ColumnType {
  const name = rawType
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return typesByName[name] ?? 'other';
}
