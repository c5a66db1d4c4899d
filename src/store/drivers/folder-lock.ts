import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../store-error.js';
import { folderError } from './folder-error.js';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  token: string;
}

export interface FolderLock {
  readonly path: string;
  release(): Promise<void>;
}

export const lockFileName = 'kpitree.lock';

/**
 * Takes `<folder>/kpitree.lock` (created exclusively, holding pid, host and a token), waiting up
 * to `timeoutMs` for another holder. A lock whose process is gone (same host, pid not alive) is
 * stale and taken over: that is how a store killed with SIGKILL is reopened.
 */
export async function lockFolder(folder: string, timeoutMs: number): Promise<FolderLock> {
  const path = join(folder, lockFileName);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await writeFile(path, JSON.stringify(me), { flag: 'wx' });
      return { path, release: () => releaseLock(path, me.token) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw folderError(folder, error);
    }
    const holder = await readOwner(path);
    if (holder === 'gone') continue;
    if (holder === 'stale' || !isAlive(holder)) {
      await takeOver(path, holder);
      continue;
    }
    if (Date.now() >= deadline) throw inUse(folder, path, holder);
    await sleep(Math.min(100, Math.max(1, deadline - Date.now())));
  }
}

async function readOwner(path: string): Promise<LockOwner | 'gone' | 'stale'> {
  try {
    const text = await readFile(path, 'utf8');
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string') return owner as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
  }
  // Unreadable: a writer killed between creating and filling the file, or one filling it right now.
  const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
  return age > 5_000 ? 'stale' : 'gone';
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // cannot tell from here: assume so
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves the stale lock aside atomically; if another process replaced it meanwhile, puts that one back. */
async function takeOver(path: string, stale: LockOwner | 'stale'): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  const sameLock = stale === 'stale' ? moved === 'stale' : typeof moved === 'object' && moved.token === stale.token;
  if (!sameLock) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

async function releaseLock(path: string, token: string): Promise<void> {
  const owner = await readOwner(path);
  if (typeof owner === 'object' && owner.token === token) await rm(path, { force: true });
}

function inUse(folder: string, path: string, holder: LockOwner): StoreError {
  return new StoreError(
    'in_use',
    `The store folder ${folder} is in use by another kpitree process (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
      'An embedded (PGlite) store serves one process at a time: wait for that process to finish or stop it, ' +
      `or set DATABASE_URL to a Postgres store that several processes can share. If no such process is running, delete ${path}.`,
  );
}
