/**
 * Criteria versions and sets (Phụ lục II of Decision 26/2026/QĐ-TTg; legacy 1048/QĐ-TTg): types, the
 * file schema, the validating loader and lookups. Pure: the caller reads and parses the JSON.
 */
export * from './types.js';
export { CriteriaVersionFileSchema, type CriteriaVersionFile } from './schema.js';
export { validateCriteriaVersion, loadCriteriaVersion, CriteriaValidationError, type CriteriaValidationResult } from './validate.js';
export { listScorableCriteria, findSet, walkCriteria, casesOfSet, optionAppliesToCase, bestPoints, maxReachableTotals } from './queries.js';
export { criteriaVersionSlug, versionInForce } from './slug.js';
export { canonicalJson, criteriaScoringFingerprint, CRITERIA_DISPLAY_FIELDS } from './fingerprint.js';
