export * from './reference.js';
export * from './registry.js';
export * from './users.js';
export * from './audit.js';
