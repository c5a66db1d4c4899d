import { issueAt, layerSchema, type Project } from '../../model/index.js';
import type { AuditFinding } from './audit-finding.js';
import { executiveMetrics, linkedMetrics } from './kpi-metrics.js';

const leadingExamples: Record<string, string> = {
  outreach: 'reply rate, meeting book rate, lead response time',
  pipeline_health: 'pipeline coverage ratio, stage conversion rate, pipeline velocity',
  conversion_quality: 'stage-to-close conversion at the late stages, deal velocity, sales cycle length trend',
  revenue_retention: 'renewal pipeline due, at-risk accounts, net revenue retention',
};

/** Each KPI linked to a revenue outcome: a path to a tree's root, through the tree or through the definitions of metrics on it. */
export function auditRevenueLinks(project: Project, metrics: readonly string[]): AuditFinding[] {
  const linked = linkedMetrics(project);
  return metrics
    .filter((id) => !linked.has(id))
    .map((id) => {
      const issue = issueAt(project, 'owners', 'owners', ['ownership', project.owners.ownership.findIndex((o) => o.metric === id), 'metric'], '');
      return {
        rule: 'revenue_link' as const,
        subject: id,
        message: `${id} is owned but on no tree, nor an input of a metric on one: nothing links it to revenue`,
        fix: `add it to a tree under the metric it moves (drivers: - { metric: ${id}, lag: <weeks> }), or drop its ownership and review it in the quarterly audit`,
        at: { file: issue.file, line: issue.line, column: issue.column, field: issue.field },
      };
    });
}

/** At least one leading indicator per layer, among the metrics linked to a root (on a tree, or an input of one). */
export function auditLeadingIndicators(project: Project): AuditFinding[] {
  const onTrees = [...linkedMetrics(project)].map((id) => project.metrics.get(id)).filter((m) => m !== undefined);
  return layerSchema.options.flatMap((layer) => {
    const inLayer = onTrees.filter((m) => m.layer === layer);
    if (inLayer.some((m) => m.indicator === 'leading')) return [];
    const unmarked = inLayer.filter((m) => m.indicator === undefined).map((m) => m.id);
    const fix = unmarked.length > 0
      ? `mark the ones that predict the outcome indicator: leading (unmarked: ${unmarked.join(', ')}), or add a leading metric such as ${leadingExamples[layer]}`
      : `add a leading metric of this layer to a tree, such as ${leadingExamples[layer]}`;
    const lagging = inLayer.length > 0 ? `its metrics on the trees (${inLayer.map((m) => m.id).join(', ')}) are all lagging or unmarked` : 'no metric on the trees belongs to it';
    return [{ rule: 'leading_indicator' as const, subject: layer, message: `layer ${layer} has no leading indicator: ${lagging}`, fix }];
  });
}

/** The executive dashboard (each tree's root and the metrics right below it) holds 10 metrics or fewer. */
export function auditExecutiveDashboard(project: Project): AuditFinding[] {
  const metrics = executiveMetrics(project.trees.values());
  if (metrics.length <= 10) return [];
  return [{
    rule: 'executive_dashboard',
    subject: 'executive dashboard',
    message: `the executive dashboard (every tree's root and the metrics right below it) has ${metrics.length} metrics: ${metrics.join(', ')}; more than 10 and nothing stands out`,
    fix: `keep the 10 that answer "is the revenue engine healthy?" directly below the roots and move the other ${metrics.length - 10} a level down, under the metric they drive`,
  }];
}
