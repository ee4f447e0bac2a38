export * from './reference.js';
export * from './registry.js';
export * from './users.js';
export * from './audit.js';
export * from './criteria.js';
export * from './settings.js';
export * from './self-assessments.js';
export * from './evaluation.js';
