import type { Choosing } from '../../../components/score-sheet/index.js';
import type { Sheet, SheetChoices } from '../api/sheets.js';

/** What a member edits on their sheet; the server computes the progress from it. */
export type CouncilDraft = Choosing & { disqualified: boolean; disqualifiedReason: string };

export function councilDraftOf(sheet: Pick<Sheet, 'choices' | 'case' | 'disqualifiedReason' | 'progress'>): CouncilDraft {
  return {
    choices: { ...sheet.choices },
    case: sheet.case ?? sheet.progress.case,
    disqualified: sheet.disqualifiedReason !== null,
    disqualifiedReason: sheet.disqualifiedReason ?? '',
  };
}

/** A sheet marks the dossier disqualified only with a reason; unticking the box keeps the text for a second thought. */
export function toSheetChoices(draft: CouncilDraft): SheetChoices {
  const reason = draft.disqualifiedReason.trim();
  return { choices: draft.choices, case: draft.case, disqualifiedReason: draft.disqualified && reason ? reason : null };
}
