import { describe, expect, it } from 'vitest';
import { salesforceObjects } from '../catalog/index.js';
import { demoTableSpecs } from './demo-schema.js';

describe('demoTableSpecs', () => {
  it('has every object and column of objects.ts, with its type, and fills every one of them', () => {
    const specs = demoTableSpecs('fivetran');
    expect(specs.map((t) => t.physical)).toEqual(salesforceObjects.map((o) => o.name));
    for (const object of salesforceObjects) {
      const spec = specs.find((t) => t.object === object.name)!;
      for (const column of object.columns) {
        const found = spec.columns.find((c) => c.name === column.name);
        expect(found, `${object.name}.${column.name}`).toMatchObject({ physical: column.name, type: column.type });
        expect(found!.position, `${object.name}.${column.name} is filled by a generator`).toBeGreaterThanOrEqual(0);
      }
      expect(spec.columns.slice(-2).map((c) => [c.name, c.type])).toEqual([['_fivetran_deleted', 'boolean'], ['_fivetran_synced', 'timestamp']]);
    }
  });

  it('uses the Salesforce API names for Airbyte, without Fivetran columns', () => {
    const opportunity = demoTableSpecs('airbyte').find((t) => t.object === 'opportunity')!;
    expect(opportunity.physical).toBe('Opportunity');
    expect(opportunity.columns.map((c) => c.physical)).toContain('StageName');
    expect(opportunity.columns.map((c) => c.physical)).toContain('LossReason__c');
    expect(opportunity.columns.some((c) => c.name.startsWith('_fivetran'))).toBe(false);
    expect(demoTableSpecs('airbyte').find((t) => t.object === 'product_2')!.physical).toBe('Product2');
  });
});
