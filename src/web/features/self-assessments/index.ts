/**
 * The self-assessment feature's public face: the sheet page, the product page's list of sheets, and
 * what a council member weighs beside their own sheet (the producer's answers and evidence). The
 * sheet's pieces themselves are shared, in components/score-sheet.
 */
export { SelfAssessmentPage } from './pages/SelfAssessmentPage.js';
export { ProductSelfAssessments } from './components/ProductSelfAssessments.js';
export {
  useProductSelfAssessments,
  useSelfAssessment,
  useStartSelfAssessment,
  type Evidence,
  type SelfAssessment,
  type SelfAssessmentSummary,
  type SheetProgress,
} from './api/self-assessments.js';
export { EvidenceList } from './components/EvidenceList.js';
