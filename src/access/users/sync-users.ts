import type { Owners } from '../../model/index.js';
import type { Queryable } from '../../store/index.js';
import { recordAudit } from '../audit/record-audit.js';

export interface UsersSynced {
  added: string[];
  changed: string[];
  disabled: string[];
}

/**
 * Makes the users table follow owners.yaml's people, in one transaction: new people are added
 * (without a password: they cannot sign in until one is set), changed names, roles, teams and ids
 * are copied, and people no longer in the file are disabled and signed out. Each change is audited.
 */
export async function syncUsers(db: Queryable, owners: Owners, actor: string | null = null): Promise<UsersSynced> {
  return db.withTransaction(async (tx) => {
    const rows = await tx.query<{ person_id: string; fields: (string | null)[]; disabled: boolean }>(
      'SELECT person_id, ARRAY[name, role, team, email, salesforce_user_id] AS fields, disabled_at IS NOT NULL AS disabled FROM users',
    );
    const before = new Map(rows.map((row) => [row.person_id, row]));
    const result: UsersSynced = { added: [], changed: [], disabled: [] };
    for (const person of owners.people) {
      const fields = [person.name, person.role, person.team ?? null, person.email ?? null, person.salesforce_user_id ?? null];
      const old = before.get(person.id);
      if (old && !old.disabled && JSON.stringify(old.fields) === JSON.stringify(fields)) continue;
      await tx.query(
        `INSERT INTO users (person_id, name, role, team, email, salesforce_user_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (person_id) DO UPDATE SET name = $2, role = $3, team = $4, email = $5, salesforce_user_id = $6,
           disabled_at = NULL, updated_at = clock_timestamp()`,
        [person.id, ...fields],
      );
      (old ? result.changed : result.added).push(person.id);
      await recordAudit(tx, { actor, action: old ? 'user.updated' : 'user.added', subject: `user:${person.id}`, details: { role: person.role, team: person.team ?? null } });
    }
    const kept = new Set(owners.people.map((p) => p.id));
    for (const [personId, old] of before) {
      if (kept.has(personId) || old.disabled) continue;
      await tx.query('UPDATE users SET disabled_at = clock_timestamp(), updated_at = clock_timestamp() WHERE person_id = $1', [personId]);
      await tx.query('DELETE FROM sessions WHERE person_id = $1', [personId]);
      result.disabled.push(personId);
      await recordAudit(tx, { actor, action: 'user.disabled', subject: `user:${personId}`, details: { reason: 'no longer in owners.yaml' } });
    }
    return result;
  });
}
