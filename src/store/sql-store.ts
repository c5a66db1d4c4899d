import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable, SqlParam, Store, StoreRow, Transaction } from './store.js';
import type { StoreConnection, StoreDriver } from './store-driver.js';
import { StoreError } from './store-error.js';

/** The one Store implementation: transactions, savepoints and error handling over a driver's sessions. */
export class SqlStore implements Store {
  readonly engine: Store['engine'];
  readonly description: string;
  readonly #driver: StoreDriver;
  readonly #running = new Set<Promise<unknown>>();
  /** Set inside a withTransaction callback: the store itself must not be used there. */
  readonly #inTransaction = new AsyncLocalStorage<true>();
  #closing: Promise<void> | undefined;

  constructor(driver: StoreDriver) {
    this.#driver = driver;
    this.engine = driver.engine;
    this.description = driver.description;
  }

  query<Row extends object = StoreRow>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    return this.#withConnection(async (connection) => (await run(this.#driver, connection, sql, params)) as Row[]);
  }

  withTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#withConnection(async (connection, session) => {
      await run(this.#driver, connection, 'BEGIN', []);
      const state: TransactionState = { failure: undefined, savepoints: 0 };
      const tx = new SqlTransaction(this.#driver, connection, state);
      try {
        const result = await this.#inTransaction.run(true, () => fn(tx));
        if (state.failure) throw rolledBack(state.failure);
        await run(this.#driver, connection, 'COMMIT', []);
        return result;
      } catch (error) {
        // After a failed COMMIT the session is outside any transaction, and ROLLBACK only warns.
        // A ROLLBACK that fails leaves the session in an unknown state: it is discarded.
        await run(this.#driver, connection, 'ROLLBACK', []).catch(() => (session.broken = true));
        throw error;
      } finally {
        tx.end();
      }
    });
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([...this.#running]);
      await this.#driver.close();
    })();
    return this.#closing;
  }

  async #withConnection<T>(fn: (connection: StoreConnection, session: { broken: boolean }) => Promise<T>): Promise<T> {
    if (this.#closing) throw new StoreError('connection', `The store at ${this.description} is closed.`);
    if (this.#inTransaction.getStore()) {
      // PGlite has one session: this would wait for the transaction forever. On Postgres it would miss the transaction's writes.
      throw new StoreError('input', 'The store was used inside its own withTransaction callback: use the transaction the callback received (tx) instead.');
    }
    const work = (async () => {
      const connection = await this.#driver.acquire();
      const session = { broken: false };
      try {
        return await fn(connection, session);
      } catch (error) {
        if (error instanceof StoreError && error.kind === 'connection') session.broken = true;
        throw error;
      } finally {
        this.#driver.release(connection, session.broken);
      }
    })();
    this.#running.add(work);
    try {
      return await work;
    } finally {
      this.#running.delete(work);
    }
  }
}

interface TransactionState {
  /** The first statement that failed and was not undone by a savepoint: the transaction can only roll back. */
  failure: StoreError | undefined;
  savepoints: number;
}

class SqlTransaction implements Queryable {
  readonly engine: Queryable['engine'];
  #open = true;

  constructor(
    private readonly driver: StoreDriver,
    private readonly connection: StoreConnection,
    private readonly state: TransactionState,
  ) {
    this.engine = driver.engine;
  }

  async query<Row extends object = StoreRow>(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
    if (!this.#open) {
      throw new StoreError('input', 'This transaction is over: run queries inside the withTransaction callback that received it.');
    }
    try {
      return (await run(this.driver, this.connection, sql, params)) as Row[];
    } catch (error) {
      if (error instanceof StoreError) this.state.failure ??= error;
      throw error;
    }
  }

  async withTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const savepoint = `kpitree_savepoint_${++this.state.savepoints}`;
    await this.query(`SAVEPOINT ${savepoint}`);
    const nested = new SqlTransaction(this.driver, this.connection, this.state);
    try {
      const result = await fn(nested);
      if (this.state.failure) throw rolledBack(this.state.failure);
      await this.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      try {
        await run(this.driver, this.connection, `ROLLBACK TO SAVEPOINT ${savepoint}`, []);
        this.state.failure = undefined;
      } catch (rollbackError) {
        // The enclosing transaction can then only roll back.
        if (rollbackError instanceof StoreError) this.state.failure ??= rollbackError;
      }
      throw error;
    } finally {
      nested.end();
    }
  }

  end(): void {
    this.#open = false;
  }
}

async function run(driver: StoreDriver, connection: StoreConnection, sql: string, params: readonly SqlParam[]): Promise<StoreRow[]> {
  try {
    return await connection.query(sql, params);
  } catch (error) {
    throw driver.toStoreError(error);
  }
}

function rolledBack(failure: StoreError): StoreError {
  return new StoreError(failure.kind, `Nothing was written: a statement in the transaction failed and its error was caught. ${failure.message}`, {
    cause: failure,
    code: failure.code,
  });
}
