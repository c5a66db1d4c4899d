import type { Queryable } from '../store/index.js';
import { accessTokenKind, hashAccessToken } from './access-token.js';
import { userColumns, type User } from './users/user.js';

export interface Authenticated {
  user: User;
  via: 'session' | 'api_token';
}

/** last_used_at is written at most this often, so that automation polling does not write on every request. */
const lastUsedResolutionMs = 60_000;

/**
 * Who holds a token: a live session (not expired) or an API token (not revoked) of an enabled
 * user; anything else is nobody. Only the token's hash is looked up.
 */
export async function authenticate(db: Queryable, token: string, now: Date = new Date()): Promise<Authenticated | undefined> {
  const kind = accessTokenKind(token);
  if (!kind) return undefined;
  const hash = hashAccessToken(token);
  if (kind === 'session') {
    const [user] = await db.query<User>(
      `SELECT ${userColumns} FROM sessions JOIN users ON users.person_id = sessions.person_id
       WHERE sessions.token_hash = $1 AND sessions.expires_at > $2 AND users.disabled_at IS NULL`,
      [hash, now.toISOString()],
    );
    return user && { user, via: 'session' };
  }
  const [found] = await db.query<User & { tokenId: number; lastUsedAt: string | null }>(
    `SELECT ${userColumns}, api_tokens.id AS "tokenId", api_tokens.last_used_at AS "lastUsedAt" FROM api_tokens JOIN users ON users.person_id = api_tokens.person_id
     WHERE api_tokens.token_hash = $1 AND api_tokens.revoked_at IS NULL AND users.disabled_at IS NULL`,
    [hash],
  );
  if (!found) return undefined;
  const { tokenId, lastUsedAt, ...user } = found;
  if (lastUsedAt === null || now.getTime() - Date.parse(lastUsedAt) > lastUsedResolutionMs) {
    await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [tokenId, now.toISOString()]);
  }
  return { user, via: 'api_token' };
}
