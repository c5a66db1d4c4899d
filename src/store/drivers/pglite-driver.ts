import { rm } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { SqlParam } from '../store.js';
import type { StoreConnection, StoreDriver } from '../store-driver.js';
import { StoreError } from '../store-error.js';
import { databaseError, messageOf } from './database-error.js';
import { lockFolder } from './folder-lock.js';
import { ensureFolder, openStoreFolder } from './store-folder.js';
import { typeParsers } from './type-parsers.js';

export interface PGliteDriverOptions {
  /** How long to wait for another process to free the folder (default 5 s). */
  lockTimeoutMs?: number;
}

/**
 * PGlite: Postgres compiled to WASM, in this process, on a folder (or in memory). It has one
 * session, so callers queue for it, and one process at a time may open the folder (a lock file).
 */
export class PGliteDriver implements StoreDriver {
  readonly engine = 'pglite';
  readonly exclusive = true;
  readonly schema = undefined;
  #queue: Promise<void> = Promise.resolve();
  #releaseCurrent: (() => void) | undefined;
  readonly #connection: StoreConnection;

  private constructor(
    private readonly db: PGlite,
    readonly description: string,
    private readonly onClose: () => Promise<void>,
  ) {
    this.#connection = {
      query: async (sql: string, params: readonly SqlParam[]) => (await db.query<Record<string, unknown>>(sql, [...params])).rows,
      exec: async (script: string) => void (await db.exec(script)),
    };
  }

  /** `folder` undefined: in memory, gone on close. */
  static async open(folder: string | undefined, options: PGliteDriverOptions = {}): Promise<PGliteDriver> {
    const { PGlite } = await import('@electric-sql/pglite');
    const create = (dataDir?: string) => PGlite.create({ dataDir, parsers: typeParsers });
    if (folder === undefined) return new PGliteDriver(await create(), 'pglite::memory:', async () => undefined);
    const created = await ensureFolder(folder);
    try {
      const lock = await lockFolder(folder, options.lockTimeoutMs ?? 5_000);
      try {
        const db = await openStoreFolder(folder, create);
        return new PGliteDriver(db, `pglite:${folder}`, () => lock.release());
      } catch (error) {
        await lock.release();
        throw error;
      }
    } catch (error) {
      if (created) await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  async acquire(): Promise<StoreConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    if (this.db.closed) {
      release();
      throw new StoreError('connection', `The store at ${this.description} is closed.`);
    }
    this.#releaseCurrent = release;
    return this.#connection;
  }

  release(_connection: StoreConnection, _broken: boolean): void {
    const release = this.#releaseCurrent;
    this.#releaseCurrent = undefined;
    release?.();
  }

  toStoreError(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    return (
      databaseError(error, this.description) ??
      new StoreError('connection', `The embedded store at ${this.description} failed: ${messageOf(error)}. Reopen it; if this repeats, report it.`, { cause: error })
    );
  }

  async close(): Promise<void> {
    const connection = await this.acquire().catch(() => undefined);
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      if (connection) this.release(connection, false);
      await this.onClose();
    }
  }
}
