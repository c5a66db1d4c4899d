export * from './expression/index.js';
export {
  areaSchema,
  cadenceSchema,
  durationSchema,
  envNameSchema,
  expressionSchema,
  formatSchema,
  grainSchema,
  idSchema,
  indicatorSchema,
  layerSchema,
  type Area,
  type Cadence,
  type Grain,
  type Indicator,
  type Layer,
  type ValueFormat,
} from './schema-parts.js';
export { durationUnits, parseDuration, type Duration } from './duration.js';
export {
  calendarSchema,
  cronSchema,
  projectConfigSchema,
  syncConfigSchema,
  warehouseConfigSchema,
  weekdays,
  type Calendar,
  type ProjectConfig,
  type SyncConfig,
  type WarehouseConfig,
  type Weekday,
} from './project-config.js';
export {
  datasetSchema,
  dimensionSchema,
  fieldSchema,
  joinSchema,
  rollupAggregates,
  rollupSchema,
  type Dataset,
  type DatasetField,
  type DatasetJoin,
  type DatasetRollup,
  type Dimension,
} from './dataset.js';
export {
  additiveKinds,
  aggregateKinds,
  isAggregateMetric,
  metricInputs,
  metricLabel,
  metricSchema,
  snapshotAggregates,
  snapshotPeriodNames,
  toDateGrains,
  type AggregateKind,
  type AggregateMetric,
  type ConversionMetric,
  type CumulativeMetric,
  type FormulaMetric,
  type Metric,
  type RatioMetric,
  type SnapshotMetric,
} from './metric.js';
export { triggerConditionSchema, triggerSchema, type Trigger, type TriggerCondition } from './trigger.js';
export { notifyConfigSchema, type NotifyConfig } from './notify-config.js';
export { treeNodes, treeNodeSchema, treeSchema, type DriverNode, type Tree, type TreeEdge, type TreeNode } from './tree.js';
export {
  ownersSchema,
  ownershipSchema,
  personSchema,
  playbookSchema,
  roles,
  targetSchema,
  teamSchema,
  thresholdSchema,
  type Owners,
  type Ownership,
  type Person,
  type Role,
  type Target,
  type Team,
} from './owners.js';
export {
  formatField,
  formatIssue,
  issueAt,
  sourceKey,
  type DefinitionKind,
  type DefinitionSource,
  type Project,
  type ProjectIssue,
  type SourcePosition,
} from './project.js';
export { closestName, didYouMean } from './closest-name.js';
export { loadProject, type ProjectFile } from './load-project.js';
export { checkProject } from './check-project.js';
export { sortIssues } from './sort-issues.js';
export { formulaFunctions } from './formula-rules.js';
