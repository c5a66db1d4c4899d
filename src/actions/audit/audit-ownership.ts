import { cadenceSchema, issueAt, type Cadence, type Layer, type Project } from '../../model/index.js';
import type { AuditFinding } from './audit-finding.js';

/** Review cadences that keep a layer's KPIs operational (seed 003: daily for outreach SLAs, weekly for managers, monthly for leadership; quarterly is a lagging report). */
export const fittingCadences: Record<Layer, Cadence[]> = {
  outreach: ['daily', 'weekly'],
  pipeline_health: ['weekly', 'monthly'],
  conversion_quality: ['weekly', 'monthly'],
  revenue_retention: ['weekly', 'monthly'],
};
const suggestedCadence: Record<Layer, Cadence> = { outreach: 'weekly', pipeline_health: 'weekly', conversion_quality: 'weekly', revenue_retention: 'monthly' };
const suggestedDue: Record<Cadence, string> = { daily: '24h', weekly: '3 days', monthly: '5 days', quarterly: '2 weeks' };

/** Each KPI owned, with a numeric target, a decision (threshold and playbook) and a review cadence that fits its layer. */
export function auditOwnership(project: Project, metrics: readonly string[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const id of metrics) {
    const metric = project.metrics.get(id)!;
    const index = project.owners.ownership.findIndex((o) => o.metric === id);
    const entry = project.owners.ownership[index];
    const at = (path: (string | number)[]) => {
      const issue = index < 0 ? issueAt(project, 'metric', id, path, '') : issueAt(project, 'owners', 'owners', ['ownership', index, ...path], '');
      return { file: issue.file, line: issue.line, column: issue.column, field: issue.field };
    };
    if (!metric.layer) {
      findings.push({ rule: 'layer', subject: id, message: `${id} has no layer, so its review cadence and its place in the funnel cannot be judged`, fix: `add layer: outreach, pipeline_health, conversion_quality or revenue_retention to ${id}'s definition`, at: at([]) });
    }
    if (!entry) {
      const owner = likelyOwner(project, metric.layer);
      findings.push({ rule: 'owned', subject: id, message: `${id} has no owner: nobody fixes it when it breaks`, fix: `add to owners.yaml ownership: - { metric: ${id}, responsible: ${owner ?? '<person id>'}, target: { value: <number>, direction: higher }, review: ${metric.layer ? suggestedCadence[metric.layer] : 'weekly'} }`, at: at(['layer']) });
      continue;
    }
    if (!entry.target) findings.push({ rule: 'target', subject: id, message: `${id} has no target: nobody can say whether it is above or below plan`, fix: `add target: { value: <one number>, direction: higher or lower } to its ownership`, at: at([]) });
    if (!entry.threshold) {
      findings.push({ rule: 'threshold', subject: id, message: `${id} has no threshold, so it never triggers a decision`, fix: `add threshold: { margin: 0.1 } (10% worse than target) or threshold: { value: <number> }`, at: at([]) });
    } else if (entry.threshold.margin !== undefined && !entry.target) {
      findings.push({ rule: 'threshold', subject: id, message: `${id}'s threshold is a margin of a target it does not have`, fix: 'add a target, or write the threshold as a value', at: at(['threshold']) });
    }
    if (!entry.playbook) {
      const due = suggestedDue[entry.review ?? 'weekly'];
      findings.push({ rule: 'playbook', subject: id, message: `${id} has no playbook: a breach would name no action and no due time`, fix: `add playbook: { action: "<the specific intervention, e.g. review every affected deal with its owner>", due: ${due} }`, at: at([]) });
    }
    if (!entry.review) {
      findings.push({ rule: 'cadence', subject: id, message: `${id} has no review cadence`, fix: `add review: ${metric.layer ? suggestedCadence[metric.layer] : 'weekly'}`, at: at([]) });
    } else if (metric.layer && !fittingCadences[metric.layer].includes(entry.review)) {
      const fit = fittingCadences[metric.layer];
      findings.push({ rule: 'cadence', subject: id, message: `${id} (${metric.layer}) is reviewed ${entry.review}; ${metric.layer} KPIs are reviewed ${fit.join(' or ')}`, fix: `change review: ${entry.review} to review: ${nearestFit(entry.review, fit)}`, at: at(['review']) });
    }
  }
  return findings;
}

/** The fitting cadence closest to a review that is too slow (the slowest that fits) or too fast (the fastest that fits). */
function nearestFit(review: Cadence, fit: Cadence[]): Cadence {
  const order = cadenceSchema.options;
  return order.indexOf(review) > order.indexOf(fit[fit.length - 1]!) ? fit[fit.length - 1]! : fit[0]!;
}

/** The person who is responsible for the most metrics of a layer: the likely owner of another one. */
function likelyOwner(project: Project, layer: Layer | undefined): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of project.owners.ownership) {
    if (layer && project.metrics.get(entry.metric)?.layer !== layer) continue;
    counts.set(entry.responsible, (counts.get(entry.responsible) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
