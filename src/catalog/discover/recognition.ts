import type { CatalogColumn, CatalogTable, ColumnType } from '../../semantic/index.js';
import type { SalesforceObject } from '../salesforce/index.js';

/** Which loader's names a table uses: Fivetran's snake_case, Airbyte's Salesforce API names, or some of each. */
export type NamingStyle = 'fivetran' | 'airbyte' | 'mixed';

/** A column of a Salesforce object found in a table: its logical (Fivetran) name and its physical one. */
export interface ColumnMatch {
  logical: string;
  physical: string;
  type: ColumnType;
}

/** A table or column that is close to one kpitree looks for, but not equal: offered, never used. */
export interface NearMiss {
  /** The object (Fivetran name) it would stand for. */
  object: string;
  /** What kpitree looked for: a table name, or a column as object.column. */
  expected: string;
  /** What the warehouse has: schema.table, or schema.table.column. */
  found: string;
}

/** The three tables stage history may come from. */
export type StageHistorySource = 'opportunity_history' | 'history_mode' | 'field_history';

export const stageHistorySourceLabels: Record<StageHistorySource, string> = {
  opportunity_history: "Salesforce's OpportunityHistory log (one row per stage change)",
  history_mode: "Fivetran's history-mode copy of Opportunity (one row per version, _fivetran_start to _fivetran_end)",
  field_history: 'OpportunityFieldHistory (rows with field = StageName)',
};

/** A Salesforce object recognised in a table. */
export interface ObjectMatch {
  object: SalesforceObject;
  table: CatalogTable;
  naming: NamingStyle;
  /** Logical columns found, with their physical names. */
  columns: ColumnMatch[];
  /** Logical columns the table lacks. */
  missing: string[];
  /** Why a missing column cannot come from this table, when the table is not the object itself (stage history). */
  missingReasons: Record<string, string>;
  /** Deletion flags present (physical names): is_deleted / IsDeleted, _fivetran_deleted. */
  deletion: string[];
  /** Physical name of _fivetran_active when the table is a history-mode copy (current rows have it true). */
  activeFlag?: string;
  /** Custom fields (__c) of the table, known to the catalogue or not. */
  customFields: CatalogColumn[];
  /** A row filter the source needs, in physical names (field history: field = 'StageName'). */
  filter?: string;
}

export interface StageHistory {
  source: StageHistorySource;
  /** The stage history as the OpportunityHistory object: logical columns mapped onto the source's. */
  match: ObjectMatch;
  /** Physical columns of the version's validity, for history mode. */
  validFrom?: string;
  validTo?: string;
  /** Physical column holding the previous stage (field history's old_value). */
  previousStage?: string;
  /** Every source present, the chosen one first. */
  found: { source: StageHistorySource; table: CatalogTable }[];
}

/** What one schema holds of Salesforce. */
export interface SchemaRecognition {
  schema: string;
  /** Every table of the schema. */
  tables: CatalogTable[];
  objects: ObjectMatch[];
  /** Objects with no table (Fivetran names). */
  missingObjects: string[];
  stageHistory?: StageHistory;
  nearMisses: NearMiss[];
  /** Tables of custom objects (names ending __c or _c). */
  customObjects: CatalogTable[];
  /** Share of the catalogue's columns found, over every object: how complete the schema is. */
  completeness: number;
}

/** Salesforce as found in a warehouse: the chosen schema in full, and a summary of the others. */
export interface Recognition extends SchemaRecognition {
  naming: NamingStyle;
  /** Every schema holding Salesforce tables, most complete first. */
  schemas: { schema: string; objects: number; completeness: number }[];
  /** Every schema the warehouse has, with its table count. */
  seen: { schema: string; tables: number }[];
  /** Why this schema was chosen, when there was a choice. */
  choice?: string;
}
