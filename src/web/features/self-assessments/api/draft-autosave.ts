import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { draftOf, toDraftBody, type SheetDraft } from '../components/sheet-draft.js';
import { useAutosave } from '../../../components/score-sheet/index.js';
import { saveDraft, sheetChanged, type SelfAssessment } from './self-assessments.js';

/** A self-assessment's answers, autosaved (see useAutosave); the server's copy lands in the cache. */
export function useDraftAutosave(sheet: SelfAssessment) {
  const queryClient = useQueryClient();
  const save = useCallback(async (draft: SheetDraft) => sheetChanged(queryClient, await saveDraft(sheet.id, toDraftBody(draft))), [queryClient, sheet.id]);
  const autosave = useAutosave(() => draftOf(sheet), save);

  // A reopened sheet starts again from the server's answers.
  const { reset } = autosave;
  const shownStatus = useRef(sheet.status);
  useEffect(() => {
    if (shownStatus.current === sheet.status) return;
    shownStatus.current = sheet.status;
    if (sheet.status === 'draft') reset(draftOf(sheet));
  }, [sheet, reset]);

  return autosave;
}

export type DraftAutosave = ReturnType<typeof useDraftAutosave>;
