import type { Project } from '../../model/index.js';
import { auditRules, type AuditFinding } from './audit-finding.js';
import { auditOwnership } from './audit-ownership.js';
import { auditExecutiveDashboard, auditLeadingIndicators, auditRevenueLinks } from './audit-structure.js';
import { kpiMetrics } from './kpi-metrics.js';

/**
 * The seeds' KPI test over a project, pure: each metric on a tree or owned is owned, has a
 * numeric target, a threshold and a playbook (a decision), a cadence fitting its layer and a path
 * to a tree's root; each layer has a leading indicator; the executive dashboard has ≤ 10 metrics.
 * Findings come by rule, then subject; none means the project passes.
 */
export function auditProject(project: Project): AuditFinding[] {
  const metrics = kpiMetrics(project);
  const findings = [...auditOwnership(project, metrics), ...auditRevenueLinks(project, metrics), ...auditLeadingIndicators(project), ...auditExecutiveDashboard(project)];
  return findings.sort((a, b) => auditRules.indexOf(a.rule) - auditRules.indexOf(b.rule) || a.subject.localeCompare(b.subject));
}
