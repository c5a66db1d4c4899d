import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteFolderTarget, type StoreTarget } from '../../src/store/test-support/store-targets.js';
import { apiFixture, type ApiFixture } from '../support/api-fixture.js';

/** Strings that have broken other servers: SQL, JSON, path and template injection, control characters, huge and odd Unicode. */
const hostile = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '"}); DELETE FROM sessions; --',
  '../../etc/passwd',
  '%00',
  '\u0000nul',
  '${process.exit()}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'a'.repeat(5_000),
  '🧨'.repeat(50),
  '\ud800',
];

describe('bad input: a 4xx naming the field, never a 500, nothing written', () => {
  let target: StoreTarget;
  let fx: ApiFixture;
  let cookie: string;

  beforeAll(async () => {
    target = await pgliteFolderTarget();
    fx = await apiFixture(target, { loginRateLimit: { max: 1_000, timeWindowMs: 60_000 } });
    cookie = await fx.signIn('cro');
  });
  afterAll(async () => {
    await fx?.close();
    await target?.cleanup();
  });

  const get = (url: string) => fx.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (payload: string, contentType = 'application/json') => fx.app.inject({ method: 'POST', url: '/api/login', payload, headers: { 'content-type': contentType } });

  it.each([
    ['malformed JSON', '{"login": "ana", "password": ', 400, 'body'],
    ['a JSON array', '[]', 400, 'body'],
    ['the login of the wrong type', JSON.stringify({ login: 5, password: 'x' }), 400, 'body.login'],
    ['no password', JSON.stringify({ login: 'ana' }), 400, 'body.password'],
    ['an empty password', JSON.stringify({ login: 'ana', password: '' }), 400, 'body.password'],
    ['an unknown field', JSON.stringify({ login: 'ana', password: 'x', admin: true }), 400, 'body'],
    ['an oversized body', JSON.stringify({ login: 'ana', password: 'x'.repeat(20_000) }), 413, 'body'],
  ])('POST /api/login with %s: %i naming %s', async (_what, payload, status, field) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ field });
    expect((response.json() as { message: string }).message.length).toBeGreaterThan(5);
  });

  it('POST /api/login with a body that is not JSON: 415', async () => {
    expect((await post('login=ana&password=x', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
  });

  it.each([
    ['/api/metrics/win_rate/series?grain=hour', 'querystring.grain'],
    ['/api/metrics/win_rate/series?from=2025-13-01', 'querystring.from'],
    ['/api/metrics/win_rate/series?to=yesterday', 'querystring.to'],
    ['/api/metrics/win_rate/series?from=2025-03-01&to=2025-01-01', 'querystring.from'],
    ['/api/metrics/win_rate/series?slice=region', 'querystring.slice'],
    ['/api/metrics/win_rate/series?slice=region=EMEA&slice=region=NA', 'querystring.slice'],
    ['/api/metrics/win_rate/series?slice=a=1&slice=b=2&slice=c=3&slice=d=4&slice=e=5', 'querystring.slice'],
    ['/api/metrics/win_rate/series?limit=5', 'querystring'],
    ['/api/metrics/win_rate?grain=fortnight', 'querystring.grain'],
    [`/api/metrics/${'x'.repeat(300)}`, 'params.id'],
    ['/api/trees/revenue?grain=1', 'querystring.grain'],
    ['/api/runs?limit=0', 'querystring.limit'],
    ['/api/runs?limit=abc', 'querystring.limit'],
    ['/api/runs/abc', 'params.id'],
    ['/api/runs/99999999999999999999', 'params.id'],
    ['/api/runs/-1', 'params.id'],
  ])('GET %s: 400 naming %s', async (url, field) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ error: 'bad_request', field });
  });

  it.each([
    ['/api/metrics/no_such_metric', 'params.id'],
    ['/api/metrics/no_such_metric/series', 'params.id'],
    ['/api/trees/no_such_tree', 'params.id'],
    ['/api/runs/424242', 'params.id'],
  ])('GET %s: 404 naming %s', async (url, field) => {
    const response = await get(url);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', field });
  });

  it('an unknown route is a JSON 404', async () => {
    expect((await get('/api/nothing-here')).json()).toMatchObject({ error: 'not_found', message: 'No route GET /api/nothing-here.' });
  });

  it('hostile strings in every string field: never a 500, nothing changed in the store', async () => {
    const before = await fx.store.query('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM metric_series) AS series, (SELECT count(*) FROM sessions) AS sessions');
    const check = (text: string, response: { statusCode: number; body: string; json(): unknown }) => {
      expect(response.statusCode, `${text.slice(0, 40)} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
      expect(response.statusCode === 200 ? true : 'error' in (response.json() as object)).toBe(true);
    };
    for (const text of hostile) {
      check(text, await post(JSON.stringify({ login: text, password: text })));
      check(text, await post(JSON.stringify({ login: 'ana', password: text })));
      check(text, await fx.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${text.replace(/[^\x21-\x7e]/g, '')}` } }));
    }
    // In URLs: each hostile string percent-encoded, plus bytes that are not UTF-8 at all and a broken escape.
    const encodable = hostile.flatMap((text) => {
      try {
        return [encodeURIComponent(text)];
      } catch {
        return []; // a lone surrogate: its bytes come next
      }
    });
    const encoded = [...encodable, '%ED%A0%80', '%FF%FE', '%'];
    for (const q of encoded) {
      for (const url of [
        `/api/metrics/${q}`,
        `/api/metrics/${q}/series`,
        `/api/metrics/win_rate/series?slice=rep%3D${q}`,
        `/api/metrics/win_rate/series?slice=${q}`,
        `/api/metrics/win_rate/series?grain=${q}`,
        `/api/metrics/win_rate/series?from=${q}`,
        `/api/trees/${q}`,
        `/api/runs/${q}`,
      ]) {
        check(q, await get(url));
      }
      check(q, await fx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `kpitree_session=${q}` } }));
    }
    expect(await fx.store.query('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM metric_series) AS series, (SELECT count(*) FROM sessions) AS sessions')).toEqual(before);
  });

  it('a rep asking for a slice with an injected value gets 403 and no data', async () => {
    const ana = await fx.signIn('ana');
    const response = await fx.app.inject({ method: 'GET', url: `/api/metrics/pipeline_created/series?slice=${encodeURIComponent("rep=Ana' OR '1'='1")}`, headers: { cookie: ana } });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('points');
  });
});
