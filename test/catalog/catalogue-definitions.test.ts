import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesforceObjects } from '../../src/catalog/index.js';
import { expressionRefs, metricInputs, treeNodes, type Dataset, type Metric, type Project } from '../../src/model/index.js';
import { metricDimensions } from '../../src/semantic/index.js';
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
  'Lead Source Attribution': ['first_touch_revenue', 'campaign_attributed_revenue', 'linear_touch_revenue'],
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

  it('defines the stage conversions as conversions over the stage history, the first of them a 90-day stage pair: the template discovery copies for the org\'s own stages', () => {
    const conversions = metrics().filter((m) => m.id.startsWith('stage_conversion_'));
    expect(conversions).toHaveLength(4);
    for (const metric of conversions) {
      expect(metric, metric.id).toMatchObject({ kind: 'conversion', dataset: 'opportunity_history', entity: { text: 'opportunity_id' }, time: { text: 'created_date' }, window: { text: '90 days' }, layer: 'pipeline_health', cadence: 'weekly' });
      expect(metric.tags, metric.id).toContain('stage_conversion');
    }
    // plan-project.ts: the first conversion over the stage history, in load order, gives the window, layer, indicator, cadence and tags.
    const template = metrics().find((m) => m.kind === 'conversion' && m.dataset === 'opportunity_history');
    expect(template?.id).toMatch(/^stage_conversion_/);
  });

  it('slices the stage history, stage changes and line items by region, segment and rep through the opportunity, and activities by seat', () => {
    for (const id of ['opportunity_history', 'opportunity_stage_changes', 'opportunity_line_items']) {
      const names = project.datasets.get(id)!.dimensions.map((d) => [d.name, d.expr?.text]);
      expect(names, id).toEqual(expect.arrayContaining([['region', 'opportunity.region'], ['segment', 'opportunity.segment'], ['rep', 'opportunity.rep']]));
    }
    for (const id of ['tasks', 'events', 'email_messages']) {
      expect(project.datasets.get(id)!.dimensions.map((d) => d.name), id).toEqual(expect.arrayContaining(['region', 'department', 'seat', 'role']));
    }
  });

  it('lets the stage conversions, the pipeline snapshots and the metrics built on them slice by region, segment and rep (coverage: not segment, quotas have none)', () => {
    const by = (id: string) => metricDimensions(project, id);
    const pipeline = ['pipeline_value', 'weighted_pipeline', 'open_opportunities', 'pipeline_due', 'forecast_revenue', 'average_open_deal_size', 'average_opportunity_age',
      'average_days_in_stage', 'opportunities_aged_0_30_days', 'opportunities_aged_31_60_days', 'opportunities_aged_61_90_days', 'opportunities_aged_over_90_days',
      'stale_pipeline_value', 'stale_pipeline_share', 'stalled_opportunities', 'forecast_accuracy', 'product_revenue'];
    const conversions = metrics().filter((m) => m.id.startsWith('stage_conversion_')).map((m) => m.id);
    for (const id of [...pipeline, ...conversions]) expect(by(id), id).toEqual(expect.arrayContaining(['region', 'segment', 'rep', 'owner_id']));
    for (const id of conversions) expect(by(id), id).toEqual(expect.arrayContaining(['lead_source', 'opportunity_type']));
    expect(by('pipeline_coverage_ratio')).toEqual(expect.arrayContaining(['region', 'rep', 'owner_id']));
    expect(by('pipeline_coverage_ratio')).not.toContain('segment');
    expect(by('activities')).toEqual(expect.arrayContaining(['region', 'seat', 'department', 'role']));
    expect(by('linear_touch_revenue')).toEqual(expect.arrayContaining(['campaign', 'campaign_type', 'lead_source', 'region', 'segment']));
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

/**
 * Tables a metric reads: its dataset's table, the tables of the joins and rollups its expressions
 * use (through a joined dataset's fields into its own joins, as the compiler does), and its inputs'.
 */
function tablesRead(project: Project, metric: Metric, seen = new Set<string>()): Set<string> {
  const tables = new Set<string>();
  if (seen.has(metric.id)) return tables;
  seen.add(metric.id);
  for (const input of metricInputs(metric)) for (const t of tablesRead(project, project.metrics.get(input)!, seen)) tables.add(t);
  if (!('dataset' in metric)) return tables;
  const dataset = project.datasets.get(metric.dataset)!;
  const expressions = ['expr', 'time', 'filter', 'entity', 'from', 'to', 'valid_from', 'valid_to']
    .map((key) => (metric as unknown as Record<string, { ast?: unknown } | undefined>)[key])
    .filter((e): e is { text: string; ast: never } => typeof e === 'object' && e !== null && 'ast' in e);
  const expanded = new Set<string>();
  /** Names in an expression of `at` (the metric's dataset, a joined one, or a rollup's rows). */
  const expand = (at: Dataset, ast: Parameters<typeof expressionRefs>[0], ownRollups: boolean) => {
    for (const ref of expressionRefs(ast)) readName(at, ref.path, ownRollups);
  };
  const readDataset = (at: Dataset, ownRollups: boolean) => {
    if (expanded.has(`${at.id} where`)) return;
    expanded.add(`${at.id} where`);
    tables.add(at.table);
    if (at.where) expand(at, at.where.ast, ownRollups);
  };
  const readName = (at: Dataset, path: string[], ownRollups: boolean): void => {
    const key = `${at.id}:${path.join('.')}`;
    if (expanded.has(key)) return;
    expanded.add(key);
    if (path.length === 2) {
      const joined = project.datasets.get(at.joins.find((j) => j.name === path[0])!.dataset)!;
      readDataset(joined, false);
      return readName(joined, [path[1]!], false);
    }
    const field = [...at.fields, ...at.dimensions].find((f) => f.name === path[0] && f.expr);
    if (field?.expr) return expand(at, field.expr.ast, ownRollups);
    const rollup = ownRollups ? at.rollups.find((r) => r.name === path[0]) : undefined;
    if (!rollup) return;
    const rows = project.datasets.get(rollup.dataset)!;
    readDataset(rows, true);
    for (const e of [rollup.expr, rollup.filter]) if (e) expand(rows, e.ast, true);
  };
  readDataset(dataset, true);
  for (const e of expressions) expand(dataset, e.ast, true);
  return tables;
}
