import type { ColumnType } from '../../semantic/index.js';

/**
 * A Salesforce object as the warehouse loaders land it. `name` is Fivetran's (snake_case:
 * stage_name, product_2_id, region__c); `api` is Salesforce's API name, which Airbyte keeps
 * (StageName, Product2Id, Region__c).
 */
export interface ObjectColumn {
  name: string;
  api: string;
  type: ColumnType;
}

export interface SalesforceObject {
  /** Fivetran's table name: opportunity, opportunity_history, product_2 … */
  name: string;
  /** Salesforce's API name, Airbyte's table name: Opportunity, OpportunityHistory, Product2 … */
  api: string;
  label: string;
  /** Columns whose presence identifies a table as this object (besides its name). */
  key: string[];
  columns: ObjectColumn[];
}
