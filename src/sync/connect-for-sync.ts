import type { Catalog } from '../semantic/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { retryTransient, type RetryOptions } from './retry-transient.js';

/**
 * Opens the warehouse and reads its catalog (metadata only) for a run, trying again with backoff
 * while it fails transiently (a warehouse restarting at the scheduled hour). Throws the last error.
 */
export async function connectForSync(open: () => Promise<Warehouse>, options: RetryOptions): Promise<{ warehouse: Warehouse; catalog: Catalog }> {
  const result = await retryTransient(async () => {
    const warehouse = await open();
    try {
      return { warehouse, catalog: await warehouse.introspect() };
    } catch (error) {
      await warehouse.close().catch(() => undefined);
      throw error;
    }
  }, options);
  if (!result.ok) throw result.error;
  return result.value;
}
