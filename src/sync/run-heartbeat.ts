import { heartbeatRun, runHeartbeatTimeoutMs, type Queryable } from '../store/index.js';

/**
 * Tells readers every `everyMs` (default a quarter of the heartbeat timeout) that the run's process
 * is alive, until stopped. A missed beat is not an error: the next one may pass; a run whose
 * process is gone stops beating, and readers report it interrupted.
 */
export function startHeartbeat(store: Queryable, runIds: () => readonly number[], everyMs = runHeartbeatTimeoutMs / 4): { stop(): Promise<void> } {
  let beating: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    beating = Promise.allSettled(runIds().map((id) => heartbeatRun(store, id)));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await beating;
    },
  };
}
