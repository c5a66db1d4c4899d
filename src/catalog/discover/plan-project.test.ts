import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { salesforceObjects } from '../salesforce/index.js';
import { catalogOf, objectTable, plainTable, type TableOptions } from '../test-support/hand-catalog.js';
import { fixtureStages } from '../test-support/salesforce-rows.js';
import { testCatalogue } from '../test-support/test-catalogue.js';
import { checkPlannedProject } from './check-planned-project.js';
import { planDiscoveredProject } from './plan-project.js';
import { recogniseSalesforce } from './recognise-salesforce.js';

const stages = fixtureStages.map(([name, isClosed, isWon]) => ({ name, isClosed, isWon }));

function plan(options: { without?: string[]; table?: (object: string) => TableOptions; extra?: ReturnType<typeof plainTable>[]; withStages?: boolean } = {}) {
  const tables = salesforceObjects.filter((o) => !(options.without ?? []).includes(o.name)).map((o) => objectTable(o.name, { schema: 'sfdc', ...options.table?.(o.name) }));
  const catalog = catalogOf(...tables, ...(options.extra ?? []));
  const recognition = recogniseSalesforce(catalog)!;
  const planned = planDiscoveredProject({
    catalogue: testCatalogue(),
    recognition,
    ...(options.withStages === false ? {} : { stages }),
    warehouse: { url: 'duckdb:warehouse.duckdb', description: 'duckdb:/data/warehouse.duckdb', baseDir: '/data' },
  });
  const file = (path: string) => planned.files.find((f) => f.path === path)?.text;
  const yaml = (path: string) => parse(file(path) ?? 'null');
  return { ...planned, catalog, file, yaml, issues: checkPlannedProject(planned.files, catalog, recognition.schema) };
}

const airbyte = () => ({ naming: 'airbyte' as const });

describe('the project discovery writes', () => {
  it('validates against the warehouse it was made for, Fivetran or Airbyte', () => {
    expect(plan().issues).toEqual([]);
    expect(plan({ table: airbyte }).issues).toEqual([]);
    expect(plan({ without: ['opportunity_history'], table: airbyte }).issues).toEqual([]);
  });

  it('maps every logical column spelt otherwise with a field, and uses the physical names for keys and plain dimensions', () => {
    const { yaml } = plan({ table: airbyte });
    const opportunities = yaml('datasets/opportunities.yaml');
    expect(opportunities.table).toBe('Opportunity');
    expect(opportunities.where).toBe('not coalesce(IsDeleted, false)');
    expect(opportunities.fields).toEqual(expect.arrayContaining([{ name: 'stage_name', expr: 'StageName' }, { name: 'close_date', expr: 'CloseDate' }, { name: 'amount', expr: 'coalesce(Amount, 0)' }]));
    expect(opportunities.joins).toEqual([{ name: 'owner', dataset: 'users', foreign_key: 'OwnerId' }, { name: 'account', dataset: 'accounts', foreign_key: 'AccountId' }]);
    expect(opportunities.rollups[0]).toEqual({ name: 'stage_changes', dataset: 'opportunity_history', foreign_key: 'OpportunityId', aggregate: 'count' });
    expect(opportunities.dimensions).toEqual(expect.arrayContaining([{ name: 'lead_source', expr: 'LeadSource' }, { name: 'loss_reason__c', expr: 'LossReason__c' }]));
    // A deletion flag the warehouse lacks reads as false; one it has is named as it spells it.
    expect(yaml('datasets/opportunity_history.yaml').fields).toContainEqual({ name: 'live_opportunity', expr: 'not opportunity.IsDeleted and not false' });
  });

  it('filters deleted rows with the deletion columns that exist', () => {
    const { yaml } = plan({ table: (o) => ({ add: o === 'opportunity' ? [['_fivetran_deleted', 'boolean']] : [] }) });
    expect(yaml('datasets/opportunities.yaml').where).toBe('not coalesce(is_deleted, false) and not coalesce(_fivetran_deleted, false)');
    expect(yaml('datasets/accounts.yaml').where).toBe('not coalesce(is_deleted, false)');
    expect(yaml('datasets/users.yaml').where).toBeUndefined();
  });

  it('writes only computable metrics, prunes the tree and the owners, and says why in DISCOVERY.md', () => {
    const { file, yaml, report, issues } = plan({ without: ['campaign_member'], table: (o) => (o === 'lead' ? { drop: ['mql_date__c'] } : {}) });
    expect(issues).toEqual([]);
    expect(file('metrics/mql_count.yaml')).toBeUndefined();
    expect(file('metrics/campaign_responses.yaml')).toBeUndefined();
    expect(file('metrics/pipeline_created.yaml')).toBe('# The amount of the opportunities created in the period.\nid: pipeline_created\nkind: sum\ndataset: opportunities\nexpr: amount\ntime: created_date\n');
    expect(yaml('metrics/revenue.yaml').metrics).toHaveLength(8);
    expect(yaml('trees/revenue.yaml').root.drivers).toBeUndefined();
    expect(yaml('owners.yaml').ownership.map((o: { metric: string }) => o.metric)).toEqual(['closed_won_revenue']);
    expect(report.metrics.find((m) => m.id === 'mql_rate')?.missing).toEqual(['needs lead.mql_date__c (a custom field) in sfdc.lead']);
    const markdown = file('DISCOVERY.md')!;
    expect(markdown).toContain('- `campaign_responses` (Campaign responses): needs the table campaign_member (Campaign member)');
    expect(markdown).toContain('tree revenue: driver mql_rate of closed_won_revenue left out (not computable)');
    expect(markdown).toContain('| Campaign member | missing | | | |');
  });

  it('writes kpitree.yaml with the warehouse url (a DuckDB path made absolute) and the schema found', () => {
    const config = plan().yaml('kpitree.yaml');
    expect(config.warehouse).toEqual({ url: 'duckdb:/data/warehouse.duckdb', schema: 'sfdc' });
    expect(config.name).toBe('test-catalogue');
  });

  it("keeps the catalogue's sync dimensions that the warehouse has", () => {
    expect(plan().yaml('kpitree.yaml').sync).toEqual({ dimensions: ['region', 'segment'] });
    const withoutRegions = plan({ table: (o) => (o === 'user' ? { drop: ['region__c'] } : {}) });
    expect(withoutRegions.yaml('kpitree.yaml').sync).toEqual({ dimensions: ['segment'] });
    expect(withoutRegions.issues).toEqual([]);
  });

  it('makes a conversion metric per pair of the org stages, and none without them', () => {
    const { report, yaml } = plan();
    expect(report.generated).toEqual([
      'stage_conversion_prospecting_to_qualification',
      'stage_conversion_qualification_to_proposal',
      'stage_conversion_proposal_to_negotiation',
      'stage_conversion_negotiation_to_closed_won',
    ]);
    expect(yaml('metrics/stage_conversion_proposal_to_negotiation.yaml')).toMatchObject({
      kind: 'conversion',
      dataset: 'opportunity_history',
      from: "stage_name = 'Proposal'",
      to: "stage_name in ('Negotiation', 'Closed Won')",
      window: '60 days',
    });
    expect(plan({ withStages: false }).report.generated).toEqual([]);
  });

  it('builds the stage history from field history, counting the stage an opportunity left', () => {
    const { yaml, issues, report } = plan({ without: ['opportunity_history'] });
    expect(issues).toEqual([]);
    const history = yaml('datasets/opportunity_history.yaml');
    expect(history.table).toBe('opportunity_field_history');
    expect(history.where).toBe("not coalesce(is_deleted, false) and field = 'StageName'");
    expect(history.fields).toEqual(expect.arrayContaining([{ name: 'stage_name', expr: 'new_value' }, { name: 'previous_stage_name', expr: 'old_value' }]));
    expect(yaml('metrics/stage_conversion_prospecting_to_qualification.yaml').from).toBe("stage_name = 'Prospecting' or previous_stage_name = 'Prospecting'");
    expect(report.metrics.find((m) => m.id === 'open_pipeline')?.computable).toBe(false);
  });

  it("builds it from Fivetran's history mode, valuing snapshots until _fivetran_end", () => {
    const copy = objectTable('opportunity', { schema: 'sfdc', name: 'opportunity_history', add: [['_fivetran_start', 'timestamp'], ['_fivetran_end', 'timestamp'], ['_fivetran_active', 'boolean']] });
    const { yaml, issues } = plan({ without: ['opportunity_history'], extra: [copy] });
    expect(issues).toEqual([]);
    expect(yaml('datasets/opportunity_history.yaml').fields).toEqual(
      expect.arrayContaining([{ name: 'opportunity_id', expr: 'id' }, { name: 'created_date', expr: '_fivetran_start' }]),
    );
    expect(yaml('metrics/open_pipeline.yaml').valid_to).toBe('_fivetran_end');
  });

  it('writes a dataset for each custom object', () => {
    const { yaml, report } = plan({ extra: [plainTable('sfdc', 'renewal__c', ['id', 'status__c', ['is_deleted', 'boolean']])] });
    expect(yaml('datasets/renewal__c.yaml')).toEqual({
      id: 'renewal__c',
      description: 'The custom object renewal__c, found by discovery.',
      table: 'renewal__c',
      where: 'not coalesce(is_deleted, false)',
      dimensions: [{ name: 'status__c', expr: 'status__c' }],
    });
    expect(report.customObjects).toEqual(['renewal__c']);
  });
});
