import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceKey, type Slice } from '../../src/store/index.js';
import { storeTargets } from '../../src/store/test-support/store-targets.js';
import { apiFixture, seededSlices, seededValue, type ApiFixture } from '../support/api-fixture.js';

/**
 * Every route with every role: executive, admin, the VP (two teams), the EMEA manager, two reps,
 * no session and a bad token. What each may read is written out here by hand (from the sales org
 * in access/test-support/sales-owners.ts), not computed by the rules under test.
 */
const owned = ['closed_won_revenue', 'pipeline_created', 'opportunities_created', 'win_rate', 'average_deal_size'];
const expectedMetrics: Record<string, string[] | 'all'> = {
  cro: 'all',
  ops: 'all',
  vp: ['pipeline_created', 'opportunities_created', 'win_rate', 'average_deal_size'],
  emea_mgr: ['pipeline_created', 'opportunities_created', 'average_deal_size'],
  ana: ['pipeline_created'],
  ben: ['win_rate'],
};
const s = (slice: Slice) => sliceKey(slice);
const expectedSlices: Record<string, string[]> = {
  cro: seededSlices.map(s),
  ops: seededSlices.map(s),
  vp: seededSlices.map(s),
  emea_mgr: [s({}), s({ region: 'EMEA' }), s({ rep: 'Ana' }), s({ rep: 'Cai' }), s({ owner_id: 'u1' })],
  ana: [s({ rep: 'Ana' }), s({ owner_id: 'u1' })],
  ben: [s({ rep: 'Ben' }), s({ owner_id: 'u2' })],
};
/** The slice a route shows when none is asked for. */
const defaultSlice: Record<string, Slice> = { cro: {}, ops: {}, vp: {}, emea_mgr: {}, ana: { rep: 'Ana' }, ben: { rep: 'Ben' } };
const roles = Object.keys(expectedMetrics);

/** Every route the matrix walks; the OpenAPI document must list no other. */
const walkedRoutes = ['/api/health', '/api/login', '/api/logout', '/api/me', '/api/metrics', '/api/metrics/{id}', '/api/metrics/{id}/series', '/api/runs', '/api/runs/{id}', '/api/trees', '/api/trees/{id}'];

describe.each(storeTargets)('the role matrix on %s', (_name, makeTarget) => {
  let fx: ApiFixture;
  const headers: Record<string, Record<string, string>> = {};
  let allMetrics: string[];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const target = await makeTarget();
    fx = await apiFixture(target);
    cleanup = async () => {
      await fx.close();
      await target.cleanup();
    };
    allMetrics = [...fx.project.metrics.keys()];
    for (const role of roles) headers[role] = { cookie: await fx.signIn(role) };
  });
  afterAll(() => cleanup?.());

  const visibleTo = (role: string) => (expectedMetrics[role] === 'all' ? allMetrics : (expectedMetrics[role] as string[]));
  const get = (url: string, role?: string, extra: Record<string, string> = {}) => fx.app.inject({ method: 'GET', url, headers: { ...(role ? headers[role] : {}), ...extra } });

  it('the matrix walks every route of the OpenAPI document', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, { security?: unknown }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(walkedRoutes);
    // The document says which routes need a viewer: all but login and health.
    const secured = Object.entries(doc.paths).flatMap(([path, methods]) => Object.values(methods).map((op) => [path, op.security !== undefined] as const));
    expect(secured.filter(([, needs]) => !needs).map(([path]) => path).sort()).toEqual(['/api/health', '/api/login']);
  });

  it.each(roles)('%s: GET /api/me says who they are', async (role) => {
    expect((await get('/api/me', role)).json()).toMatchObject({ person: role, via: 'session' });
  });

  it.each(roles)('%s: GET /api/metrics lists exactly the metrics they may read', async (role) => {
    const ids = ((await get('/api/metrics', role)).json() as { metrics: { id: string }[] }).metrics.map((m) => m.id);
    expect(ids.sort()).toEqual([...visibleTo(role)].sort());
  });

  it.each(roles)('%s: GET /api/metrics/:id is 404 with no data outside their metrics; inside, only their stored slices', async (role) => {
    for (const metric of allMetrics) {
      const response = await get(`/api/metrics/${metric}?grain=month`, role);
      if (!visibleTo(role).includes(metric)) {
        expect(response.statusCode, `${role} ${metric}`).toBe(404);
        expect(Object.keys(response.json()).sort()).toEqual(['error', 'field', 'message']);
        continue;
      }
      expect(response.statusCode, `${role} ${metric}`).toBe(200);
      expect((response.json() as { slices: Slice[] }).slices.map(s).sort()).toEqual([...expectedSlices[role]!].sort());
    }
  });

  it.each(roles)('%s: GET /api/metrics/:id/series gives each slice they may read, 403/404 and no number for the rest', async (role) => {
    for (const [m, metric] of allMetrics.entries()) {
      // The total is what no slice asks for: a rep gets their own slice instead (the default-slice test below).
      for (const [i, slice] of seededSlices.entries()) {
        if (Object.keys(slice).length === 0) continue;
        const query = Object.entries(slice).map(([d, v]) => `&slice=${encodeURIComponent(`${d}=${v}`)}`).join('');
        const response = await get(`/api/metrics/${metric}/series?grain=month${query}`, role);
        const where = `${role} ${metric} ${s(slice)}`;
        if (!visibleTo(role).includes(metric)) {
          expect(response.statusCode, where).toBe(404);
        } else if (!expectedSlices[role]!.includes(s(slice))) {
          expect(response.statusCode, where).toBe(403);
          expect(response.json(), where).toMatchObject({ error: 'forbidden', field: 'querystring.slice' });
        } else {
          expect(response.statusCode, where).toBe(200);
          expect((response.json() as { points: { value: number }[] }).points.map((p) => p.value), where).toEqual([1, 2, 3].map((month) => seededValue(m, i, month)));
          continue;
        }
        expect(response.body, where).not.toMatch(/points|"value"/);
      }
    }
  });

  it.each(roles)('%s: without a slice, the series is their default slice (a rep: their own numbers)', async (role) => {
    const metric = visibleTo(role)[0]!;
    const response = (await get(`/api/metrics/${metric}/series?grain=month&from=2025-02-01`, role)).json() as { slice: Slice; points: { value: number }[] };
    const i = seededSlices.findIndex((slice) => s(slice) === s(defaultSlice[role]!));
    expect(response.slice).toEqual(defaultSlice[role]);
    expect(response.points.map((p) => p.value)).toEqual([2, 3].map((month) => seededValue(allMetrics.indexOf(metric), i, month)));
  });

  it.each(roles)('%s: GET /api/trees and /api/trees/:id show only their nodes, valued at their default slice', async (role) => {
    const treeMetrics = ['closed_won_revenue', 'won_deals', 'closed_deals', 'pipeline_created', 'win_rate', 'average_deal_size'];
    const expected = treeMetrics.filter((metric) => visibleTo(role).includes(metric));
    const trees = (await get('/api/trees', role)).json() as { trees: { id: string; nodes: number }[] };
    expect(trees.trees).toEqual([expect.objectContaining({ id: 'revenue', nodes: expected.length })]);
    const tree = (await get('/api/trees/revenue?grain=month', role)).json() as { nodes: { metric: { id: string }; slice: Slice; value: number; previousValue: number }[] };
    expect(tree.nodes.map((n) => n.metric.id).sort()).toEqual([...expected].sort());
    const i = seededSlices.findIndex((slice) => s(slice) === s(defaultSlice[role]!));
    for (const node of tree.nodes) {
      expect(node.slice).toEqual(defaultSlice[role]);
      expect([node.value, node.previousValue]).toEqual([seededValue(allMetrics.indexOf(node.metric.id), i, 3), seededValue(allMetrics.indexOf(node.metric.id), i, 2)]);
    }
  });

  it("a rep's tree is cut to what they own: no hidden parent is named", async () => {
    const tree = (await get('/api/trees/revenue', 'ana')).json() as { nodes: { metric: { id: string }; parent: string | null; edge: string | null }[] };
    expect(tree.nodes.map((n) => [n.metric.id, n.parent, n.edge])).toEqual([['pipeline_created', null, null]]);
    const vp = (await get('/api/trees/revenue', 'vp')).json() as { nodes: { metric: { id: string }; parent: string | null; edge: string | null }[] };
    expect(vp.nodes.map((n) => [n.metric.id, n.parent, n.edge])).toEqual([
      ['pipeline_created', null, null],
      ['win_rate', null, null],
      ['average_deal_size', null, null],
    ]);
  });

  it.each(roles)('%s: GET /api/runs and /api/runs/:id show failures of their metrics only, and SQL to admins only', async (role) => {
    const run = (await get(`/api/runs/${fx.failedRunId}`, role)).json() as { failures: { metric: string; sql: string | null }[] };
    const list = (await get('/api/runs', role)).json() as { runs: { id: number; failures: unknown[] }[] };
    expect(list.runs.find((r) => r.id === fx.failedRunId)!.failures).toEqual(run.failures);
    if (!visibleTo(role).includes('win_rate')) {
      expect(run.failures).toEqual([]);
    } else {
      expect(run.failures).toEqual([expect.objectContaining({ metric: 'win_rate', sql: role === 'ops' ? 'SELECT secret_column FROM opportunities' : null })]);
    }
    expect((await get('/api/runs/999999', role)).statusCode).toBe(404);
  });

  const protectedRequests: [string, string][] = [
    ['GET', '/api/me'],
    ['POST', '/api/logout'],
    ['GET', '/api/metrics'],
    ['GET', '/api/metrics/pipeline_created'],
    ['GET', '/api/metrics/pipeline_created/series?slice=rep=Ana'],
    ['GET', '/api/trees'],
    ['GET', '/api/trees/revenue'],
    ['GET', '/api/runs'],
    ['GET', '/api/runs/1'],
  ];
  const strangers: [string, Record<string, string>][] = [
    ['no session', {}],
    ['a bad session cookie', { cookie: 'kpitree_session=kps_forged' }],
    ['a bad bearer token', { authorization: 'Bearer kpt_forged' }],
    ['a malformed Authorization header', { authorization: 'Basic YW5hOmFuYS1wYXNzd29yZA==' }],
    ['a revoked-looking random string', { authorization: 'Bearer anything' }],
  ];
  it.each(strangers)('%s: every protected route is 401 with no data; health and the OpenAPI document are public', async (_what, extra) => {
    for (const [method, url] of protectedRequests) {
      const response = await fx.app.inject({ method: method as 'GET', url, headers: extra });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(Object.keys(response.json()).filter((k) => !['error', 'message', 'field'].includes(k)), url).toEqual([]);
    }
    expect((await fx.app.inject({ method: 'GET', url: '/api/health', headers: extra })).json()).toEqual({ status: 'ok' });
    expect((await fx.app.inject({ method: 'GET', url: '/openapi.json', headers: extra })).statusCode).toBe(200);
  });

  it('an API token reads as its person, within their scope', async () => {
    const { createApiToken } = await import('../../src/access/index.js');
    const { token } = await createApiToken(fx.store, 'ben', 'matrix');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await get('/api/me', undefined, bearer)).json()).toMatchObject({ person: 'ben', via: 'api_token' });
    expect((await get('/api/metrics/pipeline_created/series?slice=rep=Ana', undefined, bearer)).statusCode).toBe(404);
    expect((await get('/api/metrics/win_rate/series?slice=rep=Ana', undefined, bearer)).statusCode).toBe(403);
    expect((await get('/api/metrics/win_rate/series?slice=rep=Ben', undefined, bearer)).statusCode).toBe(200);
    expect(owned).toContain('win_rate');
  });
});
