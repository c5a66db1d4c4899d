import type { Queryable } from '../../store/index.js';

export interface ApiTokenInfo {
  id: number;
  personId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every API token, newest first: who holds it and when it was last used; never the token. */
export function listApiTokens(db: Queryable): Promise<ApiTokenInfo[]> {
  return db.query<ApiTokenInfo>(
    `SELECT id, person_id AS "personId", name, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt" FROM api_tokens ORDER BY id DESC`,
  );
}
