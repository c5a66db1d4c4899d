import type { MetricAssessment } from './assess-metrics.js';
import type { NamingStyle, NearMiss, StageHistorySource } from './recognition.js';

/** What discovery found and decided: printed by the CLI, written to DISCOVERY.md. */
export interface DiscoveryReport {
  /** The warehouse as it is safe to print (no password). */
  warehouse: string;
  schema: string;
  naming: NamingStyle;
  /** Every schema holding Salesforce tables, most complete first. */
  schemas: { schema: string; objects: number; completeness: number }[];
  objects: ObjectReport[];
  stageHistory?: { source: StageHistorySource; table: string; description: string; alsoFound: string[] };
  /** The org's stages in order, when opportunity_stage could be read. */
  stages?: string[];
  /** Every catalogue metric, then the stage conversions made for the org. */
  metrics: MetricAssessment[];
  /** Ids of the metrics made from the org's stages. */
  generated: string[];
  nearMisses: NearMiss[];
  customObjects: string[];
  /** Custom fields per table, and which became dimensions. */
  customFields: { table: string; fields: string[]; dimensions: string[] }[];
  /** Every choice discovery made, in words. */
  decisions: string[];
}

export interface ObjectReport {
  object: string;
  label: string;
  /** schema.table as found; absent when the object is missing. */
  table?: string;
  naming?: NamingStyle;
  missingColumns: string[];
  deletion: string[];
}
