import type { Queryable } from '../../store/index.js';
import type { AuditEntry } from './record-audit.js';

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
  /** ISO UTC. */
  at: string;
  subject: string;
}

/** The audit log, newest first. */
export async function listAudit(db: Queryable, options: { limit?: number } = {}): Promise<AuditRecord[]> {
  return db.query<AuditRecord>('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id DESC LIMIT $1', [options.limit ?? 100]);
}
