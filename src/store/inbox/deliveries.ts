import type { Queryable } from '../store.js';
import type { Delivery } from './inbox-types.js';

const columns = `d.id, d.notification_id AS "notificationId", d.channel, d.address, d.status, d.attempts,
  d.next_attempt_at AS "nextAttemptAt", d.last_error AS "lastError", d.sent_at AS "sentAt"`;

/** A delivery with what it carries. */
export interface DueDelivery extends Delivery {
  person: string;
  subject: string;
  body: string;
}

/**
 * Takes the pending deliveries due by `now` and leases them until `leaseUntil` (another sender
 * skips them meanwhile); the caller sends each and records the outcome.
 */
export async function claimDueDeliveries(db: Queryable, now: string, leaseUntil: string, limit = 100): Promise<DueDelivery[]> {
  return db.withTransaction(async (tx) => {
    const rows = await tx.query<DueDelivery>(
      `SELECT ${columns}, n.person_id AS person, n.subject, n.body
       FROM deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.next_attempt_at, d.id LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
      [now, limit],
    );
    if (rows.length > 0) await tx.query('UPDATE deliveries SET next_attempt_at = $2 WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id), leaseUntil]);
    return rows;
  });
}

/** Records one try: sent, or failed with its error and the time of the next try (null: no more tries). */
export async function recordDeliveryAttempt(
  db: Queryable,
  id: number,
  outcome: { at: string; error?: undefined } | { at: string; error: string; retryAt: string | null },
): Promise<void> {
  if (outcome.error === undefined) {
    await db.query(`UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1`, [id, outcome.at]);
    return;
  }
  await db.query(
    `UPDATE deliveries SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = coalesce($3::timestamptz, next_attempt_at) WHERE id = $1`,
    [id, outcome.error, outcome.retryAt],
  );
}

/** Deliveries, newest first, optionally of one status: what was sent, what is waiting, what failed and why. */
export async function listDeliveries(db: Queryable, options: { status?: Delivery['status']; limit?: number } = {}): Promise<DueDelivery[]> {
  return db.query<DueDelivery>(
    `SELECT ${columns}, n.person_id AS person, n.subject, n.body FROM deliveries d JOIN notifications n ON n.id = d.notification_id
     WHERE $1::text IS NULL OR d.status = $1 ORDER BY d.id DESC LIMIT $2`,
    [options.status ?? null, options.limit ?? 100],
  );
}
