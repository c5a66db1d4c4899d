import { connectWarehouse } from '../project/index.js';
import type { Catalog } from '../semantic/index.js';
import type { Store, RunTrigger } from '../store/index.js';
import { connectForSync, recordFailedRun } from '../sync/index.js';
import type { Warehouse } from '../warehouse/index.js';
import type { CliIo } from './io.js';
import type { OpenProject } from './open-project.js';

/**
 * Opens the project's warehouse and reads its catalog for a sync, trying again while it fails
 * transiently. When it cannot, the run is recorded as failed with the reason (so that
 * `kpitree runs` shows it), and the error is thrown.
 */
export async function connectSyncWarehouse(
  open: OpenProject,
  io: CliIo,
  store: Store,
  run: { trigger: RunTrigger; metricsPlanned: number },
): Promise<{ warehouse: Warehouse; catalog: Catalog }> {
  try {
    return await connectForSync(() => connectWarehouse(open.project, open.dir, io.env), {
      attempts: open.project.config.sync.attempts,
      onRetry: (error, attempt, delayMs) => io.stderr(`warehouse: ${error instanceof Error ? error.message : String(error)} — try ${attempt + 1} in ${Math.round(delayMs / 100) / 10} s\n`),
    });
  } catch (error) {
    await recordFailedRun(store, { ...run, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
