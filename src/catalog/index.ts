export * from './salesforce/index.js';
export * from './discover/index.js';
