import type { Project } from '../model/index.js';
import type { Store } from '../store/index.js';

/** What every route reads: the loaded project (definitions and owners.yaml) and the open store. */
export interface ServerContext {
  project: Project;
  store: Store;
  /** The clock sessions are checked against (tests move it). */
  now: () => Date;
  /** How long a session lasts. */
  sessionTtlMs: number;
  /** Send the session cookie only over HTTPS (behind a TLS proxy). */
  secureCookie: boolean;
}

export const sessionCookie = 'kpitree_session';
