import type { Queryable } from '../../store/index.js';
import { AccessError } from '../access-error.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, type ScryptParameters } from '../password-hash.js';

/** NIST 800-63B: at least 8 characters, and long passphrases allowed; the upper bound keeps scrypt's input sane. */
export const passwordLength = { min: 8, max: 1024 } as const;

/** Sets a person's password (its scrypt hash) and ends their sessions, audited; the password itself goes nowhere else. */
export async function setPassword(db: Queryable, personId: string, password: string, options: { actor?: string | null; scrypt?: ScryptParameters } = {}): Promise<void> {
  const length = [...password].length;
  if (length < passwordLength.min || length > passwordLength.max) {
    throw new AccessError('weak_password', `A password has ${passwordLength.min} to ${passwordLength.max} characters; this one has ${length}.`);
  }
  const hash = await hashPassword(password, options.scrypt);
  await db.withTransaction(async (tx) => {
    const [user] = await tx.query<{ disabled: boolean }>('SELECT disabled_at IS NOT NULL AS disabled FROM users WHERE person_id = $1 FOR UPDATE', [personId]);
    if (!user) throw new AccessError('unknown_person', `No person "${personId}" in owners.yaml (the users are synced from its people).`);
    if (user.disabled) throw new AccessError('disabled', `"${personId}" is no longer in owners.yaml: their account is disabled.`);
    await tx.query('UPDATE users SET password_hash = $2, updated_at = clock_timestamp() WHERE person_id = $1', [personId, hash]);
    await tx.query('DELETE FROM sessions WHERE person_id = $1', [personId]);
    await recordAudit(tx, { actor: options.actor ?? null, action: 'user.password_set', subject: `user:${personId}` });
  });
}
