import type { Queryable } from '../store.js';
import type { Notification } from './inbox-types.js';

/** A person's inbox, newest first; unread only when asked. */
export async function listNotifications(db: Queryable, person: string, options: { unreadOnly?: boolean } = {}): Promise<Notification[]> {
  return db.query<Notification>(
    `SELECT id, person_id AS person, plan_id AS "planId", kind, subject, body, created_at AS "createdAt", read_at AS "readAt"
     FROM notifications WHERE person_id = $1 ${options.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY id DESC`,
    [person],
  );
}

/** Marks a person's notifications read (those given, or all); returns how many changed. */
export async function markNotificationsRead(db: Queryable, person: string, at: string, ids?: readonly number[]): Promise<number> {
  const rows = await db.query(
    `UPDATE notifications SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($3::bigint[])' : ''} RETURNING id`,
    ids ? [person, at, ids] : [person, at],
  );
  return rows.length;
}
