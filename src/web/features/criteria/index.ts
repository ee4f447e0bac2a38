/** The criteria feature's public face: its pages, and the pieces the self-assessment sheet reuses. */
export { CriteriaListPage } from './pages/CriteriaListPage.js';
export { CriteriaSetPage } from './pages/CriteriaSetPage.js';
export { useCriteriaSet, useCriteriaVersions } from './api/criteria.js';
export { CriteriaOutline, type ScoreSlot } from './components/CriteriaOutline.js';
export { MinStarBadge } from './components/MinStarBadge.js';
export { OptionLine } from './components/OptionLine.js';
export { RequirementNote } from './components/RequirementNote.js';
export { StarBands } from './components/StarBands.js';
export {
  casesOfSet,
  criteriaOfSet,
  criterionAnchor,
  hasCases,
  noteLines,
  optionFitsCase,
  type CaseKey,
  type CriteriaSetDetail,
  type Criterion,
  type CriterionOption,
} from './components/criteria-tree.js';
