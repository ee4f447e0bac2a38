import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftOf, toDraftBody, type SheetDraft } from '../components/sheet-draft.js';
import { saveDraft, sheetChanged, type SelfAssessment } from './self-assessments.js';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export const AUTOSAVE_DELAY_MS = 600;

/**
 * The sheet's answers as the user edits them. Changes show at once (the draft is local) and are
 * sent to the server 600 ms after the last one, one request at a time, so the running total and
 * band on screen are always the server's. `flush` sends what is pending now and tells whether
 * everything is saved (before completing, printing, leaving).
 */
export function useDraftAutosave(sheet: SelfAssessment) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SheetDraft>(() => draftOf(sheet));
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  const send = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return true;
    dirty.current = false;
    setState('saving');
    try {
      await sheetChanged(queryClient, await saveDraft(sheet.id, toDraftBody(latest.current)));
      setError(null);
      setState(dirty.current ? 'unsaved' : 'saved');
      return true;
    } catch (caught) {
      dirty.current = true;
      setError(caught);
      setState('failed');
      return false;
    }
  }, [queryClient, sheet.id]);

  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(send);
    return queue.current;
  }, [send]);

  const update = useCallback(
    (change: (draft: SheetDraft) => SheetDraft) => {
      latest.current = change(latest.current);
      setDraft(latest.current);
      dirty.current = true;
      setState('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Forgets unsaved changes (the sheet is being deleted). */
  const discard = useCallback(() => {
    clearTimeout(timer.current);
    dirty.current = false;
    setState('saved');
  }, []);

  // A reopened sheet starts again from the server's answers.
  const shownStatus = useRef(sheet.status);
  useEffect(() => {
    if (shownStatus.current === sheet.status) return;
    shownStatus.current = sheet.status;
    if (sheet.status !== 'draft') return;
    latest.current = draftOf(sheet);
    setDraft(latest.current);
  }, [sheet]);

  // Leaving the page within the delay still saves the last change.
  useEffect(
    () => () => {
      if (dirty.current) void flush();
    },
    [flush],
  );

  useEffect(() => {
    if (state === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state]);

  return { draft, update, flush, discard, state, error };
}

export type DraftAutosave = ReturnType<typeof useDraftAutosave>;
