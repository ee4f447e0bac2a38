/**
 * The score sheet, shared by the self-assessment, the council members' sheets, the paper-sheet entry
 * and the readable criteria: the set's outline and criterion cards, the case selector, the running
 * score, the draft helpers and the autosave behind them.
 */
export { useAutosave, AUTOSAVE_DELAY_MS, type Autosave, type AutosaveStatus, type SaveState } from './autosave.js';
export { CaseSelector } from './CaseSelector.js';
export { CriteriaOutline, type ScoreSlot } from './CriteriaOutline.js';
export { CriterionChoiceCard, type CriterionChoiceCardProps } from './CriterionChoiceCard.js';
export {
  asCriteriaSetDetail,
  casesToChoose,
  criteriaOfSet,
  criterionAnchor,
  hasCases,
  noteLines,
  optionAppliesToCase,
  type CaseKey,
  type CriteriaPart,
  type CriteriaSet,
  type CriteriaSetDetail,
  type Criterion,
  type CriterionGroup,
  type CriterionNode,
  type CriterionOption,
  type StarBand,
} from './criteria-tree.js';
export { leadMinistryText, optionsNoteText, sectorText } from './criteria-text.js';
export { MinStarBadge } from './MinStarBadge.js';
export { MissingCriteriaAlert } from './MissingCriteriaAlert.js';
export { OptionLine } from './OptionLine.js';
export { PartsTable } from './PartsTable.js';
export { RequirementNote } from './RequirementNote.js';
export { RunningPoints } from './RunningPoints.js';
export { SaveIndicator } from './SaveIndicator.js';
export { PhoneScoreBar, ScoreSummary } from './ScoreSummary.js';
export { scrollToCriterion } from './scroll.js';
export { criterionErrors, withCase, withChoice, type Choosing } from './sheet-draft.js';
export { StarBands } from './StarBands.js';
export type { SheetProgress, SheetResult } from './types.js';
