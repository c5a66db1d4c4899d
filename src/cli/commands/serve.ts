import { syncUsers } from '../../access/index.js';
import { openProjectStore } from '../../project/index.js';
import { buildServer } from '../../server/index.js';
import { planSchedules, type SyncScheduler } from '../../sync/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { startProjectScheduler } from '../start-project-scheduler.js';
import { waitForStop } from '../wait-for-stop.js';

export interface ServeOptions {
  project?: string;
  port: string;
  host: string;
  /** false with --no-schedule. */
  schedule: boolean;
  secureCookie?: boolean;
}

/**
 * kpitree serve: the API and the embedded scheduler in one process over one open store (a PGlite
 * folder admits one process, so the scheduler borrows the server's store). Users follow
 * owners.yaml at start. Stops on SIGINT or SIGTERM: no new requests, the sync in progress ends,
 * then the store closes.
 */
export async function serveCommand(options: ServeOptions, io: CliIo): Promise<void> {
  const port = Number(options.port);
  if (!/^\d{1,5}$/.test(options.port) || port > 65_535) throw new UsageError(`--port must be a port number from 0 to 65535, got "${options.port}"`);
  const open = await openProject(options.project, io);
  const store = await openProjectStore(open.project, open.dir, io.env);
  let scheduler: SyncScheduler | undefined;
  try {
    const users = await syncUsers(store, open.project.owners);
    io.stdout(`Users from owners.yaml: ${open.project.owners.people.length} (${users.added.length} added, ${users.changed.length} changed, ${users.disabled.length} disabled); set passwords with kpitree users set-password <person>.\n`);
    const app = await buildServer({ project: open.project, store, secureCookie: options.secureCookie ?? false });
    try {
      const address = await app.listen({ port, host: options.host });
      io.stdout(`kpitree API on ${address} (OpenAPI at ${address}/openapi.json), store ${store.description}\n`);
      if (options.schedule && planSchedules(open.project).length > 0) scheduler = startProjectScheduler(open, io, (use) => use(store));
      io.stdout(`Serving${scheduler ? ' and syncing on schedule' : ''}; stop with Ctrl-C (SIGINT) or SIGTERM.\n`);
      const signal = await waitForStop();
      io.stdout(`${signal}: closing the API${scheduler ? ' and waiting for the sync in progress' : ''}, then stopping.\n`);
    } finally {
      await app.close();
      await scheduler?.stop();
    }
  } finally {
    await store.close();
  }
}
