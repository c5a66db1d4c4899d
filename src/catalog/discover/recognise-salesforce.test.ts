import { describe, expect, it } from 'vitest';
import { catalogOf, objectTable, plainTable } from '../test-support/hand-catalog.js';
import { DiscoveryError } from './discovery-error.js';
import { recogniseSalesforce } from './recognise-salesforce.js';

const core = ['opportunity', 'account', 'user', 'lead', 'opportunity_history', 'opportunity_stage'];
const org = (options: Parameters<typeof objectTable>[1] = {}) => core.map((o) => objectTable(o, options));
const match = (recognition: ReturnType<typeof recogniseSalesforce>, object: string) => recognition!.objects.find((o) => o.object.name === object);
const physical = (recognition: ReturnType<typeof recogniseSalesforce>, object: string, logical: string) =>
  match(recognition, object)?.columns.find((c) => c.logical === logical)?.physical;

describe('recognising Salesforce tables', () => {
  it('finds Fivetran tables in any schema, with their deletion columns', () => {
    const r = recogniseSalesforce(catalogOf(...org({ schema: 'sfdc_prod', add: [['_fivetran_deleted', 'boolean'], ['_fivetran_synced', 'timestamp']] })));
    expect(r?.schema).toBe('sfdc_prod');
    expect(r?.naming).toBe('fivetran');
    expect(match(r, 'opportunity')?.table.name).toBe('opportunity');
    expect(physical(r, 'opportunity', 'stage_name')).toBe('stage_name');
    expect(match(r, 'opportunity')?.deletion).toEqual(['is_deleted', '_fivetran_deleted']);
    expect(match(r, 'user')?.deletion).toEqual(['_fivetran_deleted']);
    expect(r?.missingObjects).toContain('campaign_member');
    expect(r?.stageHistory?.source).toBe('opportunity_history');
  });

  it('finds Airbyte tables by their API names, also lower-cased, ignoring case and underscores', () => {
    const airbyte = recogniseSalesforce(catalogOf(...org({ naming: 'airbyte' })));
    expect(airbyte?.naming).toBe('airbyte');
    expect(match(airbyte, 'opportunity_history')?.table.name).toBe('OpportunityHistory');
    expect(physical(airbyte, 'opportunity', 'stage_name')).toBe('StageName');
    expect(physical(airbyte, 'opportunity_line_item', 'product_2_id')).toBeUndefined();
    expect(match(airbyte, 'opportunity')?.deletion).toEqual(['IsDeleted']);
    const lower = recogniseSalesforce(catalogOf(...org({ naming: 'airbyte_lower' }), objectTable('opportunity_line_item', { naming: 'airbyte_lower' })));
    expect(lower?.naming).toBe('airbyte');
    expect(physical(lower, 'opportunity', 'stage_name')).toBe('stagename');
    expect(physical(lower, 'opportunity_line_item', 'product_2_id')).toBe('product2id');
    expect(match(lower, 'opportunity')?.missing).toEqual([]);
  });

  it('calls a warehouse with both spellings mixed', () => {
    const r = recogniseSalesforce(catalogOf(objectTable('opportunity'), objectTable('account', { naming: 'airbyte' }), objectTable('lead')));
    expect(r?.naming).toBe('mixed');
    expect(match(r, 'opportunity')?.naming).toBe('fivetran');
    expect(match(r, 'account')?.naming).toBe('airbyte');
  });

  it('offers near misses as "did you mean" without using them', () => {
    const r = recogniseSalesforce(
      catalogOf(
        objectTable('opportunity', { drop: ['stage_name', 'amount'], add: ['stage', 'amount_usd'] }),
        objectTable('account'),
        objectTable('lead', { name: 'sf_lead' }),
        objectTable('campaign', { name: 'campaigns' }),
        objectTable('case', { drop: ['priority'], add: ['priority_c'] }),
      ),
    );
    expect(match(r, 'opportunity')?.missing).toEqual(['amount', 'stage_name']);
    expect(physical(r, 'opportunity', 'stage_name')).toBeUndefined();
    expect(r?.missingObjects).toEqual(expect.arrayContaining(['lead', 'campaign']));
    expect(r?.nearMisses).toEqual(
      expect.arrayContaining([
        { object: 'lead', expected: 'lead', found: 'salesforce.sf_lead' },
        { object: 'campaign', expected: 'campaign', found: 'salesforce.campaigns' },
        { object: 'opportunity', expected: 'opportunity.stage_name', found: 'salesforce.opportunity.stage' },
        { object: 'opportunity', expected: 'opportunity.amount', found: 'salesforce.opportunity.amount_usd' },
        { object: 'case', expected: 'case.priority', found: 'salesforce.case.priority_c' },
      ]),
    );
  });

  it('takes stagename_c for a near miss of stage_name, and a table named like an object but without its columns for one too', () => {
    const r = recogniseSalesforce(
      catalogOf(objectTable('opportunity', { drop: ['stage_name'], add: ['stagename_c'] }), objectTable('account'), plainTable('salesforce', 'lead', ['id', 'name'])),
    );
    expect(r?.nearMisses).toEqual(
      expect.arrayContaining([
        { object: 'opportunity', expected: 'opportunity.stage_name', found: 'salesforce.opportunity.stagename_c' },
        { object: 'lead', expected: 'lead (with is_converted, converted_opportunity_id)', found: 'salesforce.lead' },
      ]),
    );
    expect(r?.missingObjects).toContain('lead');
  });

  it('finds custom objects and the custom fields of every object', () => {
    const r = recogniseSalesforce(
      catalogOf(...org({ add: ['Tier__c'] }), plainTable('salesforce', 'renewal__c', ['id', 'account_id', 'status__c']), plainTable('salesforce', 'Invoice_c', ['Id'])),
    );
    expect(r?.customObjects.map((t) => t.name)).toEqual(['renewal__c', 'Invoice_c']);
    expect(match(r, 'account')?.customFields.map((c) => c.name)).toEqual(['segment__c', 'Tier__c']);
  });
});

describe('stage history', () => {
  const base = () => [objectTable('opportunity'), objectTable('account'), objectTable('opportunity_stage')];

  it('prefers the OpportunityHistory log', () => {
    const r = recogniseSalesforce(catalogOf(...base(), objectTable('opportunity_history'), objectTable('opportunity_field_history')));
    expect(r?.stageHistory?.source).toBe('opportunity_history');
    expect(r?.stageHistory?.found.map((f) => f.source)).toEqual(['opportunity_history', 'field_history']);
  });

  it("reads Fivetran's history-mode copy of opportunity as versions: id is the opportunity, _fivetran_start the change", () => {
    const copy = objectTable('opportunity', { name: 'opportunity_history', add: [['_fivetran_start', 'timestamp'], ['_fivetran_end', 'timestamp'], ['_fivetran_active', 'boolean']] });
    const r = recogniseSalesforce(catalogOf(...base(), copy));
    const history = r!.stageHistory!;
    expect(history.source).toBe('history_mode');
    expect(history.validFrom).toBe('_fivetran_start');
    expect(history.validTo).toBe('_fivetran_end');
    const columns = Object.fromEntries(history.match.columns.map((c) => [c.logical, c.physical]));
    expect(columns).toMatchObject({ opportunity_id: 'id', created_date: '_fivetran_start', stage_name: 'stage_name', forecast_category: 'forecast_category_name' });
    expect(history.match.missing).toEqual(['id']);
    expect(history.match.activeFlag).toBeUndefined();
    expect(match(r, 'opportunity')?.table.name).toBe('opportunity');
  });

  it('takes a history-mode opportunity table for both the current opportunities (active rows) and the history', () => {
    const opportunity = objectTable('opportunity', { add: [['_fivetran_start', 'timestamp'], ['_fivetran_end', 'timestamp'], ['_fivetran_active', 'boolean']] });
    const r = recogniseSalesforce(catalogOf(objectTable('account'), opportunity));
    expect(r?.stageHistory?.source).toBe('history_mode');
    expect(match(r, 'opportunity')?.activeFlag).toBe('_fivetran_active');
  });

  it('falls back to OpportunityFieldHistory rows with field = StageName, which hold no amount', () => {
    const r = recogniseSalesforce(catalogOf(...base(), objectTable('opportunity_field_history', { naming: 'airbyte' })));
    const history = r!.stageHistory!;
    expect(history.source).toBe('field_history');
    expect(history.match.filter).toBe("Field = 'StageName'");
    expect(history.previousStage).toBe('OldValue');
    expect(history.match.columns.find((c) => c.logical === 'stage_name')?.physical).toBe('NewValue');
    expect(history.match.missing).toEqual(['amount', 'probability', 'close_date', 'forecast_category']);
    expect(history.match.missingReasons.amount).toMatch(/only the stage/);
  });
});

describe('several schemas', () => {
  const prod = org({ schema: 'sfdc_prod' });
  const sandbox = ['opportunity', 'account'].map((o) => objectTable(o, { schema: 'sfdc_sandbox' }));

  it('uses the most complete and says so', () => {
    const r = recogniseSalesforce(catalogOf(...sandbox, ...prod, plainTable('analytics', 'orders', ['id'])));
    expect(r?.schema).toBe('sfdc_prod');
    expect(r?.schemas.map((s) => s.schema)).toEqual(['sfdc_prod', 'sfdc_sandbox']);
    expect(r?.choice).toMatch(/using sfdc_prod, the most complete .* over sfdc_sandbox .*--schema/);
    expect(r?.seen).toEqual(expect.arrayContaining([{ schema: 'analytics', tables: 1 }]));
  });

  it('lets --schema choose, and refuses a schema the warehouse does not have', () => {
    expect(recogniseSalesforce(catalogOf(...sandbox, ...prod), { schema: 'SFDC_SANDBOX' })?.schema).toBe('sfdc_sandbox');
    expect(() => recogniseSalesforce(catalogOf(...prod), { schema: 'nope' })).toThrow(DiscoveryError);
    expect(recogniseSalesforce(catalogOf(...prod, plainTable('analytics', 'orders', ['id'])), { schema: 'analytics' })).toBeUndefined();
  });

  it('finds nothing in a warehouse without Salesforce tables', () => {
    expect(recogniseSalesforce(catalogOf(plainTable('main', 'orders', ['id']), plainTable('main', 'users', ['id', 'email'])))).toBeUndefined();
  });
});
