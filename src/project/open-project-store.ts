import type { Project } from '../model/index.js';
import { openStore, parseStoreUrl, StoreError, storeUrlFor, type OpenStoreOptions, type Store } from '../store/index.js';

/** Where a project's store is, and what said so. */
export interface ProjectStoreUrl {
  url: string;
  from: 'kpitree.yaml' | 'DATABASE_URL' | 'default';
}

/**
 * The project's store: `store.url` of kpitree.yaml (a relative PGlite folder is read from the
 * project folder), else the DATABASE_URL environment variable, else the embedded PGlite folder
 * `<project>/.kpitree/store`. A password belongs in the environment: kpitree.yaml may not hold one.
 */
export function projectStoreUrl(project: Pick<Project, 'config'>, dir: string, env: NodeJS.ProcessEnv = process.env): ProjectStoreUrl {
  const configured = project.config.store?.url?.trim();
  if (configured) {
    const location = parseStoreUrl(configured, dir);
    if (location.engine === 'postgres' && location.target.password !== undefined) {
      throw new StoreError('url', 'kpitree.yaml: store.url holds a password. Remove it and set PGPASSWORD (or the whole url as DATABASE_URL) in the environment.');
    }
    return { url: location.engine === 'pglite' && location.folder ? `pglite:${location.folder}` : configured, from: 'kpitree.yaml' };
  }
  if (env.DATABASE_URL?.trim()) return { url: env.DATABASE_URL.trim(), from: 'DATABASE_URL' };
  return { url: storeUrlFor(dir), from: 'default' };
}

/** Opens (and migrates) the project's store; see projectStoreUrl for where it is. */
export async function openProjectStore(
  project: Pick<Project, 'config'>,
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
  options: OpenStoreOptions = {},
): Promise<Store> {
  return openStore(projectStoreUrl(project, dir, env).url, { baseDir: dir, ...options });
}
