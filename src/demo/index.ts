export type { DemoTable, DemoValue } from './demo-table.js';
export { generateExampleOrg, type ExampleOrgOptions } from './example-org.js';
export { writeDuckDbTables } from './write-duckdb.js';

export { buildDemoOrg, type BuildDemoOrgOptions, type DemoProgress } from './build-demo-org.js';
export { generateDemoOrg, planDemoOrg, type DemoOrgOptions, type DemoOrgPlan, type OrgChunk } from './generate-org.js';
export { demoTableSpecs, type DemoColumn, type DemoTableSpec, type Naming } from './demo-schema.js';
export { DemoError } from './demo-error.js';
export { defaultIncidentSpecs, incidentKinds, sliceDimensions, type Incident, type IncidentKind, type IncidentSlice, type IncidentSpec } from './incidents.js';
export { parseIncidentFile } from './incident-file.js';
export { conversionMetricId, type DemoManifest, type ManifestEffect, type ManifestEntry } from './manifest.js';
export { buildPeople, type People, type Person } from './people.js';
export type { OrgWriter } from './org-writer.js';
export type { ColumnBatch } from './row-sink.js';
export { DuckDbOrgWriter } from './write-duckdb-org.js';
export { PostgresOrgWriter, type PostgresOrgTarget } from './write-postgres-org.js';
