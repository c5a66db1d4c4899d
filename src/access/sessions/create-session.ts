import type { Queryable } from '../../store/index.js';
import { hashAccessToken, newAccessToken } from '../access-token.js';
import { recordAudit } from '../audit/record-audit.js';

/** How long a session lasts without signing in again (12 hours: a working day). */
export const defaultSessionTtlMs = 12 * 3_600_000;

/** Opens a session for a person: the token goes to their browser (a cookie), its hash to the store. */
export async function createSession(db: Queryable, personId: string, options: { ttlMs?: number; now?: Date } = {}): Promise<{ token: string; expiresAt: Date }> {
  const token = newAccessToken('session');
  const expiresAt = new Date((options.now ?? new Date()).getTime() + (options.ttlMs ?? defaultSessionTtlMs));
  await db.withTransaction(async (tx) => {
    // Expired sessions go as new ones come, so the table holds live sessions only.
    await tx.query('DELETE FROM sessions WHERE expires_at <= $1', [(options.now ?? new Date()).toISOString()]);
    await tx.query('INSERT INTO sessions (token_hash, person_id, expires_at) VALUES ($1, $2, $3)', [hashAccessToken(token), personId, expiresAt.toISOString()]);
    await recordAudit(tx, { actor: personId, action: 'session.started', subject: `user:${personId}` });
  });
  return { token, expiresAt };
}
