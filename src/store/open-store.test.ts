import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../warehouse/test-support/postgres.js';
import { openStore } from './open-store.js';
import { parseStoreUrl, storeUrlFor } from './parse-store-url.js';
import { StoreError } from './store-error.js';

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('store urls', () => {
  it('puts the default store in <project>/.kpitree/store, unless DATABASE_URL is set', () => {
    expect(storeUrlFor('/home/me/acme')).toBe('pglite:/home/me/acme/.kpitree/store');
    expect(storeUrlFor('/home/me/acme', ' ')).toBe('pglite:/home/me/acme/.kpitree/store');
    expect(storeUrlFor('/home/me/acme', 'postgres://app@db:5432/kpitree')).toBe('postgres://app@db:5432/kpitree');
  });

  it('reads PGlite folders, memory and Postgres urls, keeping the password out of sight', () => {
    expect(parseStoreUrl('pglite:store', '/srv/acme')).toEqual({ engine: 'pglite', folder: '/srv/acme/store' });
    expect(parseStoreUrl('pglite:///abs/store')).toEqual({ engine: 'pglite', folder: '/abs/store' });
    expect(parseStoreUrl('pglite::memory:')).toEqual({ engine: 'pglite', folder: undefined });
    expect(parseStoreUrl('postgresql://app:p%40ss@[::1]/kpitree?sslmode=require&schema=kp')).toEqual({
      engine: 'postgres',
      target: { host: '::1', port: 5432, database: 'kpitree', user: 'app', password: 'p@ss', ssl: 'require', schema: 'kp' },
    });
  });

  it.each([
    ['mysql://app@db/kpitree', /Unsupported store url scheme \("mysql:"\)/],
    ['just-a-folder', /Unsupported store url scheme \(none\)/],
    ['pglite:', /names no folder/],
    ['postgres://app:secret@/kpitree', /store url \(DATABASE_URL\) is malformed/],
    ['postgres:///kpitree', /names no host/],
    ['postgres://app:secret@db/kpitree?application_name=x', /parameter "application_name"/],
    ['postgres://app:secret@db/kpitree?sslmode=prefer', /Unsupported sslmode "prefer"/],
  ])('refuses %s with a StoreError that never repeats the url', (url, message) => {
    let error: unknown;
    try {
      parseStoreUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('url');
    expect((error as StoreError).message).toMatch(message);
    expect((error as StoreError).message).not.toContain('secret');
  });
});

describe('opening a Postgres store', () => {
  it('names host, port and the next step when nothing listens, never the password', async () => {
    const error = await failure(openStore('postgres://root:s3cret-pw@127.0.0.1:1/kpitree_test'));
    expect(error.kind).toBe('connection');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(
      'Cannot reach the store at postgres://root@127.0.0.1:1/kpitree_test: connection refused: nothing is listening at 127.0.0.1:1. Start Postgres, or fix the host and port in DATABASE_URL.',
    );
    expect(inspect(error, { depth: 5 })).not.toContain('s3cret-pw');
  });

  it('says which database is missing and how to create it', async () => {
    const url = new URL(testDatabaseUrl);
    url.pathname = '/kpitree_no_such_database';
    const error = await failure(openStore(url.toString()));
    expect(error.kind).toBe('connection');
    expect(error.message).toMatch(/database "kpitree_no_such_database" does not exist \(3D000\)\. Create it \(createdb kpitree_no_such_database\)/);
  });

  it('describes itself without the password', async () => {
    const url = new URL(testDatabaseUrl);
    url.password = 'not-needed-with-trust';
    const store = await openStore(url.toString(), { schema: 'kpitree_store_describe' });
    try {
      expect(store.description).toBe(`postgres://${url.username}@${url.host}${url.pathname} (schema kpitree_store_describe)`);
      expect(store.description).not.toContain('not-needed');
    } finally {
      await store.query('DROP SCHEMA kpitree_store_describe CASCADE');
      await store.close();
    }
  });
});

describe('opening a PGlite store', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-open-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a folder it cannot create, naming it and what to do, and creates nothing', async () => {
    await writeFile(join(dir, 'a-file'), 'not a folder');
    const folder = join(dir, 'a-file', 'store');
    const error = await failure(openStore(`pglite:${folder}`));
    expect(error.kind).toBe('folder');
    expect(error.message).toBe(
      `Cannot use ${folder} as the store folder: a part of the path is a file, not a folder (ENOTDIR). ` +
        'Make it writable or choose another folder (a pglite:<folder> store url), or set DATABASE_URL to a Postgres store.',
    );
    expect(await readdir(dir)).toEqual(['a-file']);
  });

  it('refuses a folder that holds something else, and leaves it as it was', async () => {
    const folder = join(dir, 'photos');
    await mkdir(folder);
    await writeFile(join(folder, 'holiday.jpg'), '');
    const error = await failure(openStore(`pglite:${folder}`));
    expect(error.kind).toBe('folder');
    expect(error.message).toMatch(/is not a kpitree store folder: it already holds holiday\.jpg/);
    expect(await readdir(folder)).toEqual(['holiday.jpg']);
  });

  it('takes over the lock of a process that is gone, and refuses one held on another host', async () => {
    const folder = join(dir, 'store');
    const first = await openStore(`pglite:${folder}`);
    await first.close();
    expect((await readdir(folder)).sort()).toEqual(['pgdata']);
    const lock = (host: string) => JSON.stringify({ pid: 2 ** 22 + 1, host, since: '2026-01-01T00:00:00Z', token: 'dead' });
    await writeFile(join(folder, 'kpitree.lock'), lock(hostname()));
    const second = await openStore(`pglite:${folder}`);
    expect(await second.query('SELECT count(*)::integer AS n FROM metric_series')).toEqual([{ n: 0 }]);
    await second.close();
    await writeFile(join(folder, 'kpitree.lock'), lock('elsewhere.example'));
    const error = await failure(openStore(`pglite:${folder}`, { lockTimeoutMs: 50 }));
    expect(error.kind).toBe('in_use');
    expect(error.message).toContain(`If no such process is running, delete ${join(folder, 'kpitree.lock')}.`);
  });

  it('runs in memory, and refuses work once closed', async () => {
    const store = await openStore('pglite::memory:');
    expect(store.description).toBe('pglite::memory:');
    expect(await store.query('SELECT $1::date AS day, $2::bigint AS big', ['2024-02-29', 42])).toEqual([{ day: '2024-02-29', big: 42 }]);
    await store.close();
    const error = await failure(store.query('SELECT 1'));
    expect(error.message).toBe('The store at pglite::memory: is closed.');
  });
});
