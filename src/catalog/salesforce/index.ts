export type { ObjectColumn, SalesforceObject } from './salesforce-object.js';
export { apiName, fivetranSystemColumns, salesforceObject, salesforceObjects } from './objects.js';
