import { beforeAll, describe, expect, it } from 'vitest';
import { ownersSchema } from '../model/index.js';
import type { Store } from '../store/index.js';
import { storeTargets, useFreshStore } from '../store/test-support/store-targets.js';
import { createApiToken } from './api-tokens/create-api-token.js';
import { listApiTokens } from './api-tokens/list-api-tokens.js';
import { revokeApiToken } from './api-tokens/revoke-api-token.js';
import { listAudit } from './audit/list-audit.js';
import { authenticate } from './authenticate.js';
import { createSession } from './sessions/create-session.js';
import { endSession } from './sessions/end-session.js';
import { salesOwners } from './test-support/sales-owners.js';
import { checkLogin } from './users/check-login.js';
import { setPassword } from './users/set-password.js';
import { syncUsers } from './users/sync-users.js';

const fast = { N: 2 ** 10, r: 8, p: 1 };

describe.each(storeTargets)('users, sessions and tokens on %s', (_name, makeTarget) => {
  const opened = useFreshStore(makeTarget);
  let store: Store;
  beforeAll(() => {
    store = opened();
  });

  it("syncs users from owners.yaml's people: added, changed, disabled (and signed out), each audited", async () => {
    expect(await syncUsers(store, salesOwners)).toEqual({ added: salesOwners.people.map((p) => p.id), changed: [], disabled: [] });
    expect(await syncUsers(store, salesOwners)).toEqual({ added: [], changed: [], disabled: [] });
    await setPassword(store, 'cai', 'cai-password', { scrypt: fast });
    const { token } = await createSession(store, 'cai');
    const fewer = ownersSchema.parse({ ...salesOwners, people: salesOwners.people.filter((p) => p.id !== 'cai').map((p) => (p.id === 'ben' ? { ...p, team: 'emea' } : p)) });
    expect(await syncUsers(store, fewer, 'ops')).toEqual({ added: [], changed: ['ben'], disabled: ['cai'] });
    expect(await authenticate(store, token)).toBeUndefined();
    expect(await checkLogin(store, 'cai', 'cai-password')).toBeUndefined();
    const audit = await listAudit(store, { limit: 3 });
    expect(audit.map((a) => [a.actor, a.action, a.subject])).toEqual([
      ['ops', 'user.disabled', 'user:cai'],
      ['ops', 'user.updated', 'user:ben'],
      ['cai', 'session.started', 'user:cai'],
    ]);
    expect(await syncUsers(store, salesOwners)).toEqual({ added: [], changed: ['cai', 'ben'], disabled: [] });
  });

  it('signs in by id or email with the right password only; no password set, no sign-in; the hash never leaves', async () => {
    expect(await checkLogin(store, 'ana', 'anything')).toBeUndefined();
    await setPassword(store, 'ana', 'ana-password', { scrypt: fast });
    const user = await checkLogin(store, 'ana', 'ana-password');
    expect(user).toEqual({ personId: 'ana', name: 'Ana', role: 'rep', team: 'emea', email: 'ana@example.com', salesforceUserId: 'u1', hasPassword: true, disabled: false });
    expect(await checkLogin(store, 'ANA@example.com', 'ana-password')).toMatchObject({ personId: 'ana' });
    expect(await checkLogin(store, 'ana', 'ana-passworD')).toBeUndefined();
    expect(await checkLogin(store, 'nobody', 'ana-password')).toBeUndefined();
    expect(JSON.stringify(await listAudit(store))).not.toContain('ana-password');
    const [row] = await store.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE person_id = 'ana'");
    expect(row!.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it('refuses a short password, an unknown person and a disabled one, writing nothing', async () => {
    await expect(setPassword(store, 'ana', 'short')).rejects.toThrow(/8 to 1024 characters; this one has 5/);
    await expect(setPassword(store, 'nobody', 'long enough', { scrypt: fast })).rejects.toThrow(/No person "nobody"/);
    expect(await checkLogin(store, 'ana', 'ana-password')).toBeDefined();
  });

  it('keeps only the hash of a session token; a session expires, and signing out or a new password ends it', async () => {
    const now = new Date('2026-01-01T09:00:00Z');
    const { token, expiresAt } = await createSession(store, 'ana', { ttlMs: 60_000, now });
    expect(expiresAt.toISOString()).toBe('2026-01-01T09:01:00.000Z');
    expect((await store.query('SELECT * FROM sessions WHERE token_hash = $1', [token])).length).toBe(0);
    expect(await authenticate(store, token, new Date('2026-01-01T09:00:59Z'))).toMatchObject({ user: { personId: 'ana' }, via: 'session' });
    expect(await authenticate(store, token, new Date('2026-01-01T09:01:00Z'))).toBeUndefined();
    const live = await createSession(store, 'ana');
    expect(await authenticate(store, live.token)).toBeDefined();
    await endSession(store, live.token);
    expect(await authenticate(store, live.token)).toBeUndefined();
    const again = await createSession(store, 'ana');
    await setPassword(store, 'ana', 'a-new-password', { scrypt: fast });
    expect(await authenticate(store, again.token)).toBeUndefined();
    expect(await authenticate(store, 'kps_not-a-real-token')).toBeUndefined();
    expect(await authenticate(store, 'random')).toBeUndefined();
  });

  it('API tokens: shown once, stored hashed, usable until revoked, revocation audited', async () => {
    const { id, token } = await createApiToken(store, 'ben', 'nightly export', 'ops');
    expect(token).toMatch(/^kpt_[A-Za-z0-9_-]{43}$/);
    expect(await authenticate(store, token)).toMatchObject({ user: { personId: 'ben', role: 'rep' }, via: 'api_token' });
    const [info] = await listApiTokens(store);
    expect(info).toMatchObject({ id, personId: 'ben', name: 'nightly export', revokedAt: null });
    expect(info!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(await store.query('SELECT * FROM api_tokens'))).not.toContain(token);
    await revokeApiToken(store, id, 'ops');
    expect(await authenticate(store, token)).toBeUndefined();
    await expect(revokeApiToken(store, id)).rejects.toThrow(/No API token/);
    expect((await listAudit(store, { limit: 1 }))[0]).toMatchObject({ actor: 'ops', action: 'api_token.revoked', subject: `api_token:${id}` });
    await expect(createApiToken(store, 'nobody', 'x')).rejects.toThrow(/No active person/);
  });
});
