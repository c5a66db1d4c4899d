import type { Queryable } from '../../store/index.js';
import { hashAccessToken } from '../access-token.js';

/** Signs a session out; an unknown or expired token is already out. */
export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashAccessToken(token)]);
}
