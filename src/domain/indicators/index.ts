export * from './catalogue.js';
export * from './breakdowns.js';
