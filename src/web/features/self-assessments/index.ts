/**
 * The self-assessment feature's public face: the sheet page, the product page's list of sheets,
 * and the sheet pieces a council member's score sheet reuses.
 */
export { SelfAssessmentPage } from './pages/SelfAssessmentPage.js';
export { ProductSelfAssessments } from './components/ProductSelfAssessments.js';
export {
  useProductSelfAssessments,
  useSelfAssessment,
  type Evidence,
  type SelfAssessment,
  type SelfAssessmentSummary,
  type SheetProgress,
} from './api/self-assessments.js';
export { EvidenceList } from './components/EvidenceList.js';
export { PartsTable } from './components/ResultPanel.js';
export { useAutosave, type Autosave, type AutosaveStatus, type SaveState } from './api/autosave.js';
export { CaseSelector } from './components/CaseSelector.js';
export { CriterionChoiceCard } from './components/CriterionChoiceCard.js';
export { MissingCriteriaAlert } from './components/MissingCriteriaAlert.js';
export { PhoneScoreBar, ScoreSummary } from './components/ScoreSummary.js';
export { RunningPoints } from './components/RunningPoints.js';
export { SaveIndicator } from './components/SaveIndicator.js';
export { criterionErrors, withCase, withChoice, type Choosing } from './components/sheet-draft.js';
export { scrollToCriterion } from './components/scroll.js';
