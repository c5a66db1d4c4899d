import type { Project } from '../model/index.js';
import { openWarehouse, WarehouseError, type Warehouse } from '../warehouse/index.js';

/**
 * Opens the project's warehouse as kpitree.yaml describes it. The password comes from the
 * environment variable named by password_env (or PGPASSWORD); the file never holds it.
 */
export async function connectWarehouse(
  project: Pick<Project, 'config'>,
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Warehouse> {
  const config = project.config.warehouse;
  let password: string | undefined;
  if (config.password_env) {
    password = env[config.password_env];
    if (password === undefined) {
      throw new WarehouseError('url', `kpitree.yaml: warehouse.password_env names ${config.password_env}, but that environment variable is not set`);
    }
  }
  return openWarehouse(config.url, {
    baseDir: dir,
    ...(config.schema ? { schema: config.schema } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(config.statement_timeout ? { statementTimeoutMs: config.statement_timeout.seconds * 1000 } : {}),
  });
}
