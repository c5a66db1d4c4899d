export type { DemoTable, DemoValue } from './demo-table.js';
export { generateExampleOrg, type ExampleOrgOptions } from './example-org.js';
export { writeDuckDbTables } from './write-duckdb.js';
