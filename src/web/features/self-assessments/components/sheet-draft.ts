import type { CaseKey } from '../../../components/score-sheet/index.js';
import type { DraftBody, SelfAssessment } from '../api/self-assessments.js';

/** What the user edits on a sheet; the server computes everything else (progress, result) from it. */
export type SheetDraft = { choices: Record<string, number>; case: CaseKey | null; notes: Record<string, string>; generalNote: string };

export function draftOf(sheet: SelfAssessment): SheetDraft {
  // A sheet saved through the API without a declared case takes the case of its options.
  return { choices: { ...sheet.choices }, case: sheet.case ?? sheet.progress.case, notes: { ...sheet.notes }, generalNote: sheet.generalNote ?? '' };
}

/** The whole draft each time: the server replaces notes it is not sent. */
export function toDraftBody(draft: SheetDraft): DraftBody {
  return { choices: draft.choices, case: draft.case, notes: draft.notes, generalNote: draft.generalNote.trim() === '' ? null : draft.generalNote };
}

export const withNote = (draft: SheetDraft, code: string, text: string): SheetDraft => ({ ...draft, notes: { ...draft.notes, [code]: text } });
