import type { Queryable } from '../../store/index.js';

export interface AuditEntry {
  /** The person who made the change; null for the command line (the machine's operator). */
  actor: string | null;
  /** What was done, dotted: "user.password_set", "api_token.revoked". */
  action: string;
  /** What it was done to: "user:ana", "api_token:3". */
  subject?: string;
  /** Facts about the change; never a secret. */
  details?: Record<string, unknown>;
}

/** Appends one line to the audit log, in the caller's transaction so that the change and its record commit together. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4::jsonb)', [
    entry.actor,
    entry.action,
    entry.subject ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
}
