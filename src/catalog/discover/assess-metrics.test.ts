import { describe, expect, it } from 'vitest';
import { salesforceObjects } from '../salesforce/index.js';
import { catalogOf, objectTable, type TableOptions } from '../test-support/hand-catalog.js';
import { testCatalogue } from '../test-support/test-catalogue.js';
import { assessMetrics } from './assess-metrics.js';
import { metricRequirements } from './metric-requirements.js';
import { recogniseSalesforce } from './recognise-salesforce.js';

const catalogue = testCatalogue().project;
const stages = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];

function warehouse(options: { without?: string[]; table?: Record<string, TableOptions> } = {}) {
  const tables = salesforceObjects.filter((o) => !(options.without ?? []).includes(o.name)).map((o) => objectTable(o.name, options.table?.[o.name] ?? {}));
  return recogniseSalesforce(catalogOf(...tables))!;
}
const verdicts = (recognition: ReturnType<typeof warehouse>, known = stages) =>
  Object.fromEntries(assessMetrics(catalogue, recognition, known).map((m) => [m.id, m.computable ? 'ok' : m.missing.join('; ')]));

describe('what a metric needs, derived from its definition', () => {
  it('follows ratios, formulas and cumulatives to datasets, fields, joins and rollups', () => {
    const needs = (id: string) => metricRequirements(catalogue, id).map((r) => (r.kind === 'column' ? `${r.dataset}.${r.column}` : r.kind === 'table' ? `table ${r.dataset}` : r.kind === 'stage' ? `stage ${r.stage}` : r.what));
    expect(needs('win_rate')).toEqual(['table opportunities', 'opportunities.close_date', 'opportunities.is_won', 'opportunities.is_closed']);
    expect(needs('revenue_quarter_to_date')).toEqual(['table opportunities', 'opportunities.amount', 'opportunities.close_date', 'opportunities.is_won']);
    expect(needs('deal_velocity')).toContain('opportunities.created_date');
    expect(needs('deals_with_products')).toEqual(
      expect.arrayContaining(['opportunities.id', 'table opportunity_line_items', 'opportunity_line_items.opportunity_id']),
    );
    expect(needs('stage_moves')).toEqual(['table opportunity_history', 'opportunity_history.created_date', 'opportunity_history.opportunity_id', 'table opportunities', 'opportunities.id']);
    expect(needs('proposal_to_negotiation')).toEqual(expect.arrayContaining(['stage Proposal', 'stage Negotiation', 'stage Closed Won']));
  });
});

describe('computability', () => {
  it('everything is computable on a complete warehouse, in either naming', () => {
    const expected = Object.fromEntries([...catalogue.metrics.keys()].map((id) => [id, id === 'discovery_to_demo' ? expect.stringContaining('needs the stages "Discovery", "Demo"') : 'ok']));
    expect(verdicts(warehouse())).toEqual(expected);
    expect(verdicts(warehouse({ table: Object.fromEntries(salesforceObjects.map((o) => [o.name, { naming: 'airbyte' }])) }))).toEqual(expected);
  });

  it('names the missing custom field, table or stage history, and passes it on to the metrics built on it', () => {
    const v = verdicts(warehouse({ without: ['campaign_member', 'opportunity_history', 'opportunity_field_history'], table: { lead: { drop: ['mql_date__c'] } } }));
    expect(v.mql_count).toBe('needs lead.mql_date__c (a custom field) in salesforce.lead');
    expect(v.mql_rate).toBe('needs lead.mql_date__c (a custom field) in salesforce.lead');
    expect(v.campaign_responses).toBe('needs the table campaign_member (Campaign member)');
    expect(v.stage_moves).toMatch(/^needs the stage history: a table opportunity_history \(OpportunityHistory\), a history-mode copy of opportunity, or opportunity_field_history$/);
    expect(v.win_rate).toBe('ok');
  });

  it('says what field history cannot give', () => {
    const v = verdicts(warehouse({ without: ['opportunity_history'] }));
    expect(v.open_pipeline).toBe(
      "needs opportunity_history.amount, which salesforce.opportunity_field_history cannot give: OpportunityFieldHistory records only the stage that changed, not the opportunity's other fields",
    );
    expect(v.proposal_to_negotiation).toBe('ok');
  });

  it('without the org stages, stage names are not checked', () => {
    expect(assessMetrics(catalogue, warehouse()).find((m) => m.id === 'discovery_to_demo')?.computable).toBe(true);
  });
});
