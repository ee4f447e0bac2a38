/**
 * The OCOP scoring engine (Art. 3 and 4, Decision 26/2026/QĐ-TTg): a member's sheet → points per
 * criterion, group and part → total → star band → minimum-star gates → awarded star; a council's
 * sheets → mean of totals, spread, quorum → the same decision on the mean. Pure and synchronous.
 */
export { scoreSheet } from './score-sheet.js';
export {
  aggregateCouncil,
  DEFAULT_COUNCIL_SETTINGS,
  type CouncilSettings,
  type CouncilAttendance,
  type CouncilResult,
  type CouncilFailedGate,
  type CouncilCriterionMean,
  type QuorumCheck,
} from './council.js';
export { starForTotal, recognisingLevel, decideStar, ART3_STAR_BANDS } from './bands.js';
export { ScoringInputError, type ScoringIssue, type ScoringIssueCode } from './errors.js';
export type * from './types.js';
export { scoreDraft, type DraftProgress } from './draft.js';
