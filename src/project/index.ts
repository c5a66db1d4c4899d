export { readProjectFiles, ProjectNotFoundError } from './read-project-files.js';
export { loadProjectFolder } from './load-project-folder.js';
export { connectWarehouse } from './connect-warehouse.js';
export { checkWarehouse } from './check-warehouse.js';
export { queryMetric, type MetricResult } from './query-metric.js';
export { openProjectStore, projectStoreUrl, type ProjectStoreUrl } from './open-project-store.js';
