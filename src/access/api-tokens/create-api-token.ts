import type { Queryable } from '../../store/index.js';
import { AccessError } from '../access-error.js';
import { hashAccessToken, newAccessToken } from '../access-token.js';
import { recordAudit } from '../audit/record-audit.js';

/** A new API token for a person's automation. The token is returned once and never stored: keep it. */
export async function createApiToken(db: Queryable, personId: string, name: string, actor: string | null = null): Promise<{ id: number; token: string }> {
  const token = newAccessToken('api');
  return db.withTransaction(async (tx) => {
    const [user] = await tx.query<{ disabled: boolean }>('SELECT disabled_at IS NOT NULL AS disabled FROM users WHERE person_id = $1', [personId]);
    if (!user || user.disabled) throw new AccessError('unknown_person', `No active person "${personId}" in owners.yaml to give a token to.`);
    const [row] = await tx.query<{ id: number }>('INSERT INTO api_tokens (token_hash, person_id, name) VALUES ($1, $2, $3) RETURNING id', [hashAccessToken(token), personId, name]);
    await recordAudit(tx, { actor, action: 'api_token.created', subject: `api_token:${row!.id}`, details: { person: personId, name } });
    return { id: row!.id, token };
  });
}
