import { StoreError } from '../store-error.js';
import { errorCode, messageOf } from './database-error.js';

/** A folder that cannot be created, written or opened as a store, with what to do next. */
export function folderError(folder: string, error: unknown): StoreError {
  const code = errorCode(error);
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file of that name is in the way',
    ENOSPC: 'the disk is full',
  };
  const reason = (code && reasons[code]) ?? messageOf(error);
  return new StoreError(
    'folder',
    `Cannot use ${folder} as the store folder: ${reason}${code ? ` (${code})` : ''}. ` +
      'Make it writable or choose another folder (a pglite:<folder> store url), or set DATABASE_URL to a Postgres store.',
    { code, cause: error },
  );
}
