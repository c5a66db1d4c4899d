import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncUsers } from '../../src/access/index.js';
import { ownersSchema } from '../../src/model/index.js';
import { pgliteFolderTarget, type StoreTarget } from '../../src/store/test-support/store-targets.js';
import { apiFixture, passwordOf, sessionCookieOf, type ApiFixture } from '../support/api-fixture.js';

describe('signing in and out', () => {
  let target: StoreTarget;
  let fx: ApiFixture;
  let clock = new Date('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    target = await pgliteFolderTarget();
    fx = await apiFixture(target, { now: () => clock, sessionTtlMs: 60_000, loginRateLimit: { max: 4, timeWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await fx?.close();
    await target?.cleanup();
  });

  const login = (body: object, address = '10.0.0.1') => fx.app.inject({ method: 'POST', url: '/api/login', payload: body, remoteAddress: address });
  const me = (cookie: string) => fx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('sets an HTTP-only, SameSite=Strict session cookie that expires with the session, and never returns the token in the body', async () => {
    const response = await login({ login: 'ana@example.com', password: passwordOf('ana') }, '10.0.0.2');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ person: 'ana', name: 'Ana', role: 'rep', team: 'emea', via: 'session', expiresAt: '2026-03-02T09:01:00.000Z' });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^kpitree_session=kps_[A-Za-z0-9_-]{43}; Path=\/; Expires=Mon, 02 Mar 2026 09:01:00 GMT; HttpOnly; SameSite=Strict$/);
    expect(response.body).not.toContain('kps_');
    // One person's view: never kept by a shared cache.
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await me(sessionCookieOf(response))).headers['cache-control']).toBe('no-store');
  });

  it('a session expires: the same cookie is refused once its time is up', async () => {
    const cookie = await fx.signIn('ben');
    clock = new Date('2026-03-02T09:00:59Z');
    expect((await me(cookie)).statusCode).toBe(200);
    clock = new Date('2026-03-02T09:01:00Z');
    expect((await me(cookie)).statusCode).toBe(401);
    clock = new Date('2026-03-02T09:00:00Z');
  });

  it('signing out ends the session on the server: a replayed cookie is refused', async () => {
    const cookie = await fx.signIn('ben');
    const out = await fx.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^kpitree_session=; .*Expires=Thu, 01 Jan 1970/);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a wrong password and an unknown person get the same 401; a person removed from owners.yaml cannot sign in', async () => {
    const wrong = await login({ login: 'ana', password: 'not-her-password' }, '10.0.0.3');
    const unknown = await login({ login: 'nobody', password: 'whatever-password' }, '10.0.0.3');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const cookie = await fx.signIn('cai');
    await syncUsers(fx.store, ownersSchema.parse({ ...fx.project.owners, people: fx.project.owners.people.filter((p) => p.id !== 'cai') }));
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await login({ login: 'cai', password: passwordOf('cai') }, '10.0.0.3')).statusCode).toBe(401);
  });

  it('rate-limits sign-in per client address: the attempt past the limit is 429 even with the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login({ login: 'ana', password: `guess-${i}-password` }, '10.0.0.9')).statusCode).toBe(401);
    const blocked = await login({ login: 'ana', password: passwordOf('ana') }, '10.0.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'too_many_requests' });
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.headers['set-cookie']).toBeUndefined();
    expect((await login({ login: 'ana', password: passwordOf('ana') }, '10.0.0.10')).statusCode).toBe(200);
    // Reading is not rate-limited by the login limit.
    const cookie = await fx.signIn('cro');
    for (let i = 0; i < 8; i++) expect((await me(cookie)).statusCode).toBe(200);
  });
});
