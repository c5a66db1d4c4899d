import { idSchema, type Grain } from '../../model/index.js';
import { checkSeriesKey } from '../series/check-series-input.js';
import type { Queryable } from '../store.js';
import { StoreError } from '../store-error.js';
import type { InfluenceEdgeRecord, StoredInfluenceEdge } from './influence-edge-types.js';

/** Replaces the fits of a tree's influence edges at a grain, in one transaction. */
export async function replaceInfluenceEdges(db: Queryable, fit: { tree: string; grain: Grain; runId: number; edges: readonly InfluenceEdgeRecord[] }): Promise<number> {
  if (!idSchema.safeParse(fit.tree).success) throw new StoreError('input', `"${fit.tree}" is not a tree id (snake_case).`);
  checkSeriesKey('any', fit.grain);
  const rows = fit.edges.map((e, i) => {
    checkSeriesKey(e.driver, fit.grain);
    checkSeriesKey(e.outcome, fit.grain);
    if (e.status !== 'fitted' && !e.reason) throw new StoreError('input', `edge ${i + 1} of tree ${fit.tree} (${e.driver} → ${e.outcome}) is unavailable without a reason.`);
    const numbers = [e.lag, e.r, e.pAdjusted, e.q, e.n, e.weight, e.weightSe, e.weightP, e.standardized];
    if (numbers.some((v) => v !== null && !Number.isFinite(v))) throw new StoreError('input', `edge ${i + 1} of tree ${fit.tree} (${e.driver} → ${e.outcome}) has a number that is not finite (use null).`);
    return e;
  });
  return db.withTransaction(async (tx) => {
    await tx.query('DELETE FROM influence_edges WHERE tree_id = $1 AND grain = $2', [fit.tree, fit.grain]);
    await tx.query(
      `INSERT INTO influence_edges (tree_id, grain, run_id, driver_id, outcome_id, status, reason, lag, r, p_adjusted, q, n, weight, weight_se, weight_p, standardized)
       SELECT $1, $2, $3, e.driver, e.outcome, e.status, e.reason, e.lag, e.r, e."pAdjusted", e.q, e.n, e.weight, e."weightSe", e."weightP", e.standardized
       FROM jsonb_to_recordset($4::jsonb) AS e (driver text, outcome text, status text, reason text, lag integer, r float8, "pAdjusted" float8,
                                                 q float8, n integer, weight float8, "weightSe" float8, "weightP" float8, standardized float8)`,
      [fit.tree, fit.grain, fit.runId, JSON.stringify(rows)],
    );
    return rows.length;
  });
}

/** The latest fits of every tree's influence edges (or one tree's), by tree, outcome and driver. */
export async function listInfluenceEdges(db: Queryable, query: { tree?: string } = {}): Promise<StoredInfluenceEdge[]> {
  return db.query<StoredInfluenceEdge>(
    `SELECT tree_id AS tree, grain, run_id AS "runId", fitted_at AS "fittedAt", driver_id AS driver, outcome_id AS outcome, status, reason,
            lag, r, p_adjusted AS "pAdjusted", q, n, weight, weight_se AS "weightSe", weight_p AS "weightP", standardized
     FROM influence_edges ${query.tree !== undefined ? 'WHERE tree_id = $1' : ''}
     ORDER BY tree_id, grain, outcome_id, driver_id`,
    query.tree !== undefined ? [query.tree] : [],
  );
}
