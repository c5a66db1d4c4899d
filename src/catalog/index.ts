export * from './salesforce/index.js';
