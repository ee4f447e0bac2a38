/**
 * Who may do what. Pure functions of the actor and the record, used by every route and service;
 * nothing else in the code base decides access.
 *
 * Scopes (issue "Foundation", roles):
 * - admin: the OCOP office of a province (provinceCode set) or of the ministry (provinceCode null:
 *   the whole country).
 * - officer: a commune/ward officer; records of the communes assigned to them.
 * - council: a council member; only what they are assigned to evaluate (no registry access here).
 * - producer: one subject (chủ thể) and its products.
 * - anonymous: the public.
 */
export * from './actors.js';
export * from './registry.js';
export * from './evaluation.js';
export * from './programme.js';
export * from './activities.js';
export * from './navigation.js';
export * from './home.js';
