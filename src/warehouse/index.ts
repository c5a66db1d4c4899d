export type { SqlRow, SqlValue, Warehouse } from './warehouse.js';
export { WarehouseError, type WarehouseErrorDetails, type WarehouseErrorKind } from './warehouse-error.js';
export { assertReadOnly } from './read-only-guard.js';
export { openWarehouse, type OpenWarehouseOptions } from './open-warehouse.js';
export { parseWarehouseUrl, type WarehouseUrl } from './parse-warehouse-url.js';
export type { PostgresTarget } from './postgres-target.js';
export { columnTypeOf } from './column-type.js';
