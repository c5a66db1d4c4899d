import type { Queryable } from '../store.js';

/** The sync run the latest analysis judged series of, or null when nothing has been analysed. */
export async function latestAnalysedRun(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ run: number | null }>('SELECT max(run_id) AS run FROM series_checks');
  return row?.run ?? null;
}
