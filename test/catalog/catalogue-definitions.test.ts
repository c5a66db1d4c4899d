import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesforceObjects } from '../../src/catalog/index.js';
import { expressionRefs, metricInputs, treeNodes, type Metric, type Project } from '../../src/model/index.js';
import { catalogueDir, loadCatalogue } from './support/catalogue-project.js';

/**
 * The catalogue as definitions (no warehouse): it loads with zero issues, every metric carries the
 * catalogue's metadata, every entry of the seed catalogue is there, and ownership covers it all.
 */

/** Seed 000's metrics (but account health and churn prediction, a later issue) and seed 004's calculators, with the ids that answer each. */
const seedEntries: Record<string, string[]> = {
  'Activity Volume per Rep': ['activity_volume_per_rep', 'activities', 'active_reps'],
  'Campaign ROI': ['campaign_roi', 'campaign_attributed_revenue', 'campaign_cost'],
  'Case Resolution Time': ['case_resolution_time'],
  'Contact Conversion Rate': ['contact_conversion_rate'],
  'Customer Acquisition Cost': ['customer_acquisition_cost', 'new_customers'],
  'Customer Lifetime Value': ['customer_lifetime_value'],
  'Dashboard Adoption Rate': ['dashboard_adoption_rate'],
  'Deal Stage Progression': ['stage_advances', 'stage_regressions', 'stage_skips', 'stage_regression_rate', 'stalled_opportunities'],
  'Forecast Accuracy': ['forecast_accuracy', 'forecast_revenue'],
  'Lead Conversion Rate': ['lead_conversion_rate'],
  'Lead Response Time': ['lead_response_time', 'lead_response_sla_rate'],
  'Lead Scoring Effectiveness': ['lead_scoring_effectiveness'],
  'Opportunity Aging': ['average_opportunity_age', 'opportunities_aged_0_30_days', 'opportunities_aged_31_60_days', 'opportunities_aged_61_90_days', 'opportunities_aged_over_90_days', 'stale_pipeline_share'],
  'Win Rate': ['win_rate'],
  'Pipeline Coverage Ratio': ['pipeline_coverage_ratio'],
  'Sales Pipeline Velocity': ['pipeline_velocity'],
  'Quota Attainment': ['quota_attainment'],
  'Report Usage Analysis': ['reports_run', 'report_usage_rate'],
  'Revenue by Product Line': ['product_revenue'],
  'Sales Cycle Length': ['sales_cycle_length'],
  'Sales Rep Performance Analysis': ['quota_attainment', 'revenue_per_rep', 'pipeline_created_per_rep', 'activity_volume_per_rep'],
  'Territory Performance Analysis': ['quota_attainment', 'revenue_per_rep', 'pipeline_created', 'win_rate'],
  'User Adoption Rate': ['user_adoption_rate'],
  'Win/Loss Analysis': ['lost_deals', 'lost_revenue', 'win_rate'],
  'Contract Value Analysis': ['total_contract_value', 'annual_contract_value', 'average_contract_term'],
  'Customer Renewal Rate': ['customer_renewal_rate'],
  'Deal Stage Conversion Analysis': [
    'stage_conversion_prospecting_to_qualification', 'stage_conversion_qualification_to_proposal',
    'stage_conversion_proposal_to_negotiation', 'stage_conversion_negotiation_to_closed_won',
  ],
  'Deal Velocity': ['deal_velocity'],
  'Email Engagement Analysis': ['email_open_rate', 'email_reply_rate', 'email_response_time'],
  'Lead Source Attribution': ['first_touch_revenue', 'campaign_attributed_revenue'],
  'Marketing Qualified Lead Rate': ['mql_rate'],
  'Pipeline Value': ['pipeline_value', 'weighted_pipeline'],
  'Sales Velocity Analysis': ['pipeline_velocity', 'opportunities_created', 'average_deal_size', 'win_rate', 'sales_cycle_length'],
  'Upsell Cross-sell Analysis': ['expansion_revenue', 'expansion_win_rate', 'expansion_deal_size'],
  'Pipeline created (issue 3)': ['pipeline_created'],
  'Average deal size (issue 3)': ['average_deal_size'],
  'Stage Conversion calculator (seed 004)': ['stage_conversion_proposal_to_negotiation'],
  'Retention calculator (seed 004)': ['gross_revenue_retention'],
  'Net Revenue Retention calculator (seed 004)': ['net_revenue_retention'],
  'LTV:CAC Ratio calculator (seed 004)': ['ltv_to_cac_ratio'],
};

/** The metric ids the demo org's incident manifest names. */
const manifestIds = ['activities', 'pipeline_created', 'win_rate', 'average_deal_size', 'sales_cycle_length', 'stage_conversion_proposal_to_negotiation'];
const ceoKpis = ['pipeline_coverage_ratio', 'pipeline_velocity', 'win_rate', 'average_deal_size', 'net_revenue_retention'];

describe('the Salesforce catalogue (catalog/salesforce) as definitions', () => {
  let project: Project;
  beforeAll(async () => {
    project = await loadCatalogue();
  });
  const metrics = () => [...project.metrics.values()];

  it('loads with zero issues: datasets, more than a hundred metrics, two trees, owners', () => {
    expect(project.config.name).toBe('salesforce-catalogue');
    expect(project.config.warehouse).toMatchObject({ url: 'duckdb:demo.duckdb', schema: 'salesforce' });
    expect(project.datasets.size).toBeGreaterThanOrEqual(20);
    expect(project.metrics.size).toBeGreaterThan(100);
    expect([...project.trees.keys()].sort()).toEqual(['revenue', 'revenue_by_motion']);
  });

  it('holds one metric per file, named by its id', () => {
    const files = readdirSync(`${catalogueDir}/metrics`).sort();
    expect(files).toEqual(metrics().map((m) => `${m.id}.yaml`).sort());
    for (const metric of metrics()) expect(project.sources.get(`metric:${metric.id}`)?.file).toBe(`metrics/${metric.id}.yaml`);
  });

  it('gives every metric a name, a one-line description, the objects it needs, its layer, area, indicator, cadence and format', () => {
    const tables = new Set(salesforceObjects.map((o) => o.name));
    for (const metric of metrics()) {
      const where = `metric ${metric.id}`;
      expect(metric.name, where).toBeTruthy();
      expect(metric.description, where).toMatch(/^[^\n]{20,250}$/);
      expect(metric.layer, where).toBeDefined();
      expect(metric.area, where).toBeDefined();
      expect(metric.indicator, where).toBeDefined();
      expect(metric.cadence, where).toBeDefined();
      expect(metric.requires?.length, where).toBeGreaterThan(0);
      for (const table of metric.requires ?? []) expect(tables.has(table), `${where} requires ${table}`).toBe(true);
    }
  });

  it('lists in requires exactly the tables a metric reads, through its inputs, datasets, joins and rollups', () => {
    const wrong = metrics().flatMap((metric) => {
      const read = tablesRead(project, metric);
      return [
        ...[...read].filter((t) => !metric.requires!.includes(t)).map((t) => `${metric.id} reads ${t}, not in requires`),
        ...metric.requires!.filter((t) => !read.has(t)).map((t) => `${metric.id} requires ${t}, which it does not read`),
      ];
    });
    expect(wrong).toEqual([]);
  });

  it('reads only tables of the Fivetran object specs, and every dataset leaves deleted rows out', () => {
    for (const dataset of project.datasets.values()) {
      const object = salesforceObjects.find((o) => o.name === dataset.table);
      expect(object, `dataset ${dataset.id}`).toBeDefined();
      const where = dataset.where?.text ?? '';
      expect(where, `dataset ${dataset.id}`).toContain('not _fivetran_deleted');
      if (object!.columns.some((c) => c.name === 'is_deleted')) expect(where, `dataset ${dataset.id}`).toContain('not is_deleted');
    }
  });

  it('covers every metric of the seed catalogue and the seed 004 calculators; not account health or churn prediction', () => {
    for (const [entry, ids] of Object.entries(seedEntries)) {
      for (const id of ids) expect(project.metrics.has(id), `${entry}: ${id}`).toBe(true);
    }
    expect(Object.keys(seedEntries).filter((e) => !e.includes('('))).toHaveLength(34);
    expect(metrics().filter((m) => /health|churn/.test(m.id))).toEqual([]);
    for (const id of manifestIds) expect(project.metrics.has(id), id).toBe(true);
  });

  it('uses every metric kind and a rollup', () => {
    const kinds = new Set(metrics().map((m) => m.kind));
    for (const kind of ['count', 'count_distinct', 'sum', 'average', 'ratio', 'formula', 'conversion', 'snapshot', 'cumulative']) expect(kinds).toContain(kind);
    const rollups = new Set([...project.datasets.values()].flatMap((d) => d.rollups.map((r) => r.name)));
    expect(metrics().some((m) => 'expr' in m && m.expr && expressionRefs(m.expr.ast).some((r) => rollups.has(r.path[0]!)))).toBe(true);
  });

  it('puts the five CEO KPIs and the incident metrics in the default revenue tree', () => {
    const nodes = new Set(treeNodes(project.trees.get('revenue')!).map((n) => n.node.metric));
    for (const id of [...ceoKpis, ...manifestIds]) expect(nodes.has(id), id).toBe(true);
  });

  it('owns every metric: a responsible person, a target with a direction and a review cadence', () => {
    const owned = new Map(project.owners.ownership.map((o) => [o.metric, o]));
    expect(project.owners.ownership).toHaveLength(owned.size);
    for (const metric of metrics()) {
      const entry = owned.get(metric.id);
      expect(entry, metric.id).toBeDefined();
      expect(entry!.target, metric.id).toBeDefined();
      expect(entry!.review, metric.id).toBeDefined();
    }
    const roles = new Map(project.owners.people.map((p) => [p.id, p.role]));
    expect(roles.get('revops')).toBe('admin');
    expect(roles.get('cro')).toBe('executive');
  });

  it('gives the tree metrics and the CEO KPIs a threshold and a playbook with a due time, and RACI to an accountable person', () => {
    const owned = new Map(project.owners.ownership.map((o) => [o.metric, o]));
    const decisions = new Set([...ceoKpis, ...manifestIds, 'closed_won_revenue', 'stage_conversion_negotiation_to_closed_won', 'lead_response_time', 'quota_attainment']);
    for (const id of decisions) {
      const entry = owned.get(id)!;
      expect(entry.threshold, id).toBeDefined();
      expect(entry.playbook?.action, id).toMatch(/^[A-Z].{30,}/);
      expect(entry.playbook?.due.seconds, id).toBeGreaterThan(0);
      expect(entry.accountable ?? entry.responsible, id).toBeTruthy();
    }
    for (const tree of project.trees.values()) {
      for (const { node } of treeNodes(tree)) expect(owned.has(node.metric), `${tree.id}: ${node.metric}`).toBe(true);
    }
    // Seed 003's review cadences.
    expect(owned.get('lead_response_time')!.review).toBe('daily');
    expect(owned.get('stage_conversion_proposal_to_negotiation')!.review).toBe('weekly');
    expect(owned.get('pipeline_velocity')!.review).toBe('weekly');
    for (const id of ['pipeline_coverage_ratio', 'win_rate', 'average_deal_size', 'net_revenue_retention']) expect(owned.get(id)!.review, id).toBe('monthly');
    expect(owned.get('stage_conversion_proposal_to_negotiation')!.playbook!.due.seconds).toBe(24 * 3600);
  });
});

/** Tables a metric reads: its dataset's table, the tables of the joins and rollups its expressions use, and its inputs'. */
function tablesRead(project: Project, metric: Metric, seen = new Set<string>()): Set<string> {
  const tables = new Set<string>();
  if (seen.has(metric.id)) return tables;
  seen.add(metric.id);
  for (const input of metricInputs(metric)) for (const t of tablesRead(project, project.metrics.get(input)!, seen)) tables.add(t);
  if (!('dataset' in metric)) return tables;
  const dataset = project.datasets.get(metric.dataset)!;
  tables.add(dataset.table);
  const expressions = ['expr', 'time', 'filter', 'entity', 'from', 'to', 'valid_from', 'valid_to']
    .map((key) => (metric as unknown as Record<string, { ast?: unknown } | undefined>)[key])
    .filter((e): e is { text: string; ast: never } => typeof e === 'object' && e !== null && 'ast' in e);
  const names = new Set<string>();
  const expand = (ast: Parameters<typeof expressionRefs>[0]) => {
    for (const ref of expressionRefs(ast)) {
      const name = ref.path.join('.');
      if (names.has(name)) continue;
      names.add(name);
      const field = [...dataset.fields, ...dataset.dimensions].find((f) => f.name === name && f.expr);
      if (field?.expr) expand(field.expr.ast);
    }
  };
  for (const e of [...expressions, ...(dataset.where ? [dataset.where] : [])]) expand(e.ast);
  for (const name of names) {
    const join = dataset.joins.find((j) => name.startsWith(`${j.name}.`));
    if (join) tables.add(project.datasets.get(join.dataset)!.table);
    const rollup = dataset.rollups.find((r) => r.name === name);
    if (rollup) tables.add(project.datasets.get(rollup.dataset)!.table);
  }
  return tables;
}
