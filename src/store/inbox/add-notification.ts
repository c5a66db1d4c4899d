import type { Queryable } from '../store.js';
import type { DeliveryChannel, NotificationKind } from './inbox-types.js';

export interface NewNotification {
  person: string;
  planId: number | null;
  kind: NotificationKind;
  subject: string;
  body: string;
  /** The same key twice writes once: re-running an evaluation or a digest sends nothing again. */
  dedupeKey: string;
  at: string;
  /** Where else it goes: each becomes a pending delivery, due at once. */
  deliveries: { channel: DeliveryChannel; address: string }[];
}

/** Puts a notification in a person's inbox with its outgoing deliveries; returns its id, or null when its key was already used. */
export async function addNotification(db: Queryable, note: NewNotification): Promise<number | null> {
  return db.withTransaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO notifications (person_id, plan_id, kind, subject, body, dedupe_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [note.person, note.planId, note.kind, note.subject, note.body, note.dedupeKey, note.at],
    );
    if (!row) return null;
    for (const delivery of note.deliveries) {
      await tx.query('INSERT INTO deliveries (notification_id, channel, address, next_attempt_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        row.id, delivery.channel, delivery.address, note.at,
      ]);
    }
    return row.id;
  });
}
