import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { setPassword, syncUsers } from '../../src/access/index.js';
import { salesOwners } from '../../src/access/test-support/sales-owners.js';
import type { Project } from '../../src/model/index.js';
import { buildServer, type ServerOptions } from '../../src/server/index.js';
import { finishRun, recordMetricResult, replaceSeriesWindow, startRun, type Slice, type Store } from '../../src/store/index.js';
import type { StoreTarget } from '../../src/store/test-support/store-targets.js';
import { loadCrmProject } from './crm-project.js';

/** Test passwords are hashed with a cheap scrypt: the cost parameters are tested in access/. */
export const fastScrypt = { N: 2 ** 10, r: 8, p: 1 };
export const passwordOf = (person: string) => `${person}-password`;

/** The slices stored for every metric: the total, a region, and each rep by name and by Salesforce user id. */
export const seededSlices: Slice[] = [{}, { region: 'EMEA' }, { rep: 'Ana' }, { rep: 'Ben' }, { rep: 'Cai' }, { owner_id: 'u1' }, { owner_id: 'u2' }];

/** A distinct value per metric, slice and month, so that a leaked number is recognisable. */
export function seededValue(metricIndex: number, sliceIndex: number, month: number): number {
  return metricIndex * 1000 + sliceIndex * 100 + month;
}

export interface ApiFixture {
  app: FastifyInstance;
  store: Store;
  project: Project;
  /** A failed run whose failure is on win_rate, with its SQL. */
  failedRunId: number;
  /** The session cookie of a signed-in person (POST /api/login). */
  signIn(person: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The CRM fixture project with the sales org of access/test-support as owners.yaml, its users
 * with passwords, three months of every metric at every seeded slice, and a failed run: served
 * by the real server on a store of `target`.
 */
export async function apiFixture(target: StoreTarget, options: Partial<ServerOptions> = {}): Promise<ApiFixture> {
  const project: Project = { ...loadCrmProject(), owners: salesOwners };
  const store = await target.open();
  await syncUsers(store, project.owners);
  for (const person of project.owners.people) await setPassword(store, person.id, passwordOf(person.id), { scrypt: fastScrypt });
  const run = await startRun(store, { trigger: 'manual' });
  const metrics = [...project.metrics.keys()];
  for (const [m, metric] of metrics.entries()) {
    const rows = [1, 2, 3].flatMap((month) => seededSlices.map((slice, s) => ({ period: `2025-0${month}-01`, slice, value: seededValue(m, s, month) })));
    await replaceSeriesWindow(store, { metric, grain: 'month', from: '2025-01-01', to: '2025-03-01', rows, runId: run.id });
  }
  await finishRun(store, run.id);
  const failed = await startRun(store, { trigger: 'schedule' });
  await recordMetricResult(store, { runId: failed.id, metric: 'win_rate', status: 'failed', durationMs: 5, error: 'column "is_won" does not exist', sql: 'SELECT secret_column FROM opportunities' });
  await finishRun(store, failed.id);
  const app = await buildServer({ project, store, ...options });
  let signIns = 0;
  return {
    app,
    store,
    project,
    failedRunId: failed.id,
    async signIn(person) {
      // Each from its own address, so that setting up a test never counts against a login rate limit under test.
      const remoteAddress = `127.0.${Math.floor(++signIns / 250)}.${signIns % 250}`;
      const response = await app.inject({ method: 'POST', url: '/api/login', payload: { login: person, password: passwordOf(person) }, remoteAddress });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${person}: ${response.statusCode} ${response.body}`);
      return sessionCookieOf(response);
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** `name=value` of the session cookie a response set. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'kpitree_session');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return `${cookie.name}=${cookie.value}`;
}
