import type { Queryable } from '../../store/index.js';
import { AccessError } from '../access-error.js';
import { recordAudit } from '../audit/record-audit.js';

/** Revokes an API token at once: the next request with it is refused. The row stays for the audit. */
export async function revokeApiToken(db: Queryable, id: number, actor: string | null = null): Promise<void> {
  await db.withTransaction(async (tx) => {
    const revoked = await tx.query('UPDATE api_tokens SET revoked_at = clock_timestamp() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
    if (revoked.length === 0) throw new AccessError('unknown_token', `No API token ${id} that is not already revoked.`);
    await recordAudit(tx, { actor, action: 'api_token.revoked', subject: `api_token:${id}` });
  });
}
