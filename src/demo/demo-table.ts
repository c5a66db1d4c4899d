export type DemoValue = string | number | boolean | null;

/** A table to write into a demo warehouse: column names with SQL types, and rows in that order. */
export interface DemoTable {
  schema: string;
  name: string;
  columns: [name: string, type: 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'INTEGER'][];
  rows: DemoValue[][];
}
