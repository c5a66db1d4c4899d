import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { StoreError } from '../store-error.js';
import { folderError } from './folder-error.js';
import { lockFileName } from './folder-lock.js';

/** The PGlite data directory inside the store folder; the lock file sits beside it. */
export const dataDirName = 'pgdata';
const initPrefix = `${dataDirName}.init-`;

/** Creates the folder (and its parents) if missing; true when it was created. */
export async function ensureFolder(folder: string): Promise<boolean> {
  try {
    return (await mkdir(folder, { recursive: true })) !== undefined;
  } catch (error) {
    throw folderError(folder, error);
  }
}

/**
 * Opens the PGlite database of a store folder (the caller holds its lock). A new database is
 * initialised in a scratch directory and renamed into place once complete, so a process killed
 * while creating it leaves no half-made database; a folder holding anything else is refused.
 */
export async function openStoreFolder(folder: string, create: (dataDir: string) => Promise<PGlite>): Promise<PGlite> {
  const entries = await readdir(folder).catch((error: unknown) => {
    throw folderError(folder, error);
  });
  for (const leftover of entries.filter((name) => name.startsWith(initPrefix))) {
    await rm(join(folder, leftover), { recursive: true, force: true });
  }
  const foreign = entries.filter((name) => name !== dataDirName && name !== lockFileName && !name.startsWith(initPrefix) && !name.startsWith(`${lockFileName}.`));
  if (!entries.includes(dataDirName) && foreign.length > 0) {
    throw new StoreError(
      'folder',
      `${folder} is not a kpitree store folder: it already holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ' …' : ''}. ` +
        'Choose an empty or new folder for the store.',
    );
  }
  const dataDir = join(folder, dataDirName);
  if (!entries.includes(dataDirName)) await initialise(folder, dataDir, create);
  try {
    return await create(dataDir);
  } catch (error) {
    throw openError(dataDir, error);
  }
}

async function initialise(folder: string, dataDir: string, create: (dataDir: string) => Promise<PGlite>): Promise<void> {
  const scratch = join(folder, `${initPrefix}${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(scratch);
    const db = await create(scratch);
    await db.close();
    await rename(scratch, dataDir);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error instanceof StoreError ? error : folderError(folder, error);
  }
}

function openError(dataDir: string, error: unknown): StoreError {
  if ((error as NodeJS.ErrnoException).code !== undefined) return folderError(dataDir, error);
  return new StoreError(
    'folder',
    `Cannot open the embedded database in ${dataDir}: ${error instanceof Error ? error.message : String(error)}. ` +
      'It may be damaged or made by an incompatible PGlite version: restore it from a backup, or move it away to start an empty store.',
    { cause: error },
  );
}
