import type { ProjectIssue } from '../../model/index.js';

export const auditRules = ['owned', 'target', 'threshold', 'playbook', 'cadence', 'layer', 'revenue_link', 'leading_indicator', 'executive_dashboard'] as const;
export type AuditRule = (typeof auditRules)[number];

/** A rule of the seeds the project breaks, where, and the concrete change that fixes it. */
export interface AuditFinding {
  rule: AuditRule;
  /** The metric, layer or dashboard the finding is about. */
  subject: string;
  message: string;
  fix: string;
  /** Where to make the fix, when it is one place in a file. */
  at?: Pick<ProjectIssue, 'file' | 'line' | 'column' | 'field'>;
}
