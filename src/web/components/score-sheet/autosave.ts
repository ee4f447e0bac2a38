import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export const AUTOSAVE_DELAY_MS = 600;

/**
 * A sheet's answers as the user edits them. Changes show at once (the draft is local) and are
 * sent through `save` 600 ms after the last one, one request at a time, so what the server computes
 * from them (running total, band) is never overtaken by an older request. `flush` sends what is
 * pending now and tells whether everything is saved (before submitting, printing, leaving).
 * Used by self-assessments and by council members' score sheets.
 */
export function useAutosave<D>(initial: () => D, save: (draft: D) => Promise<unknown>) {
  const [draft, setDraft] = useState<D>(initial);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const send = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return true;
    dirty.current = false;
    setState('saving');
    try {
      await saveRef.current(latest.current);
      setError(null);
      setState(dirty.current ? 'unsaved' : 'saved');
      return true;
    } catch (caught) {
      dirty.current = true;
      setError(caught);
      setState('failed');
      return false;
    }
  }, []);

  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(send);
    return queue.current;
  }, [send]);

  const update = useCallback(
    (change: (draft: D) => D) => {
      latest.current = change(latest.current);
      setDraft(latest.current);
      dirty.current = true;
      setState('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Forgets unsaved changes (the sheet is being deleted, or reloaded from the server). */
  const discard = useCallback(() => {
    clearTimeout(timer.current);
    dirty.current = false;
    setError(null);
    setState('saved');
  }, []);

  /** Starts again from the server's answers (a reopened or reloaded sheet). */
  const reset = useCallback(
    (next: D) => {
      discard();
      latest.current = next;
      setDraft(next);
    },
    [discard],
  );

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

  return { draft, update, flush, discard, reset, state, error };
}

export type Autosave<D> = ReturnType<typeof useAutosave<D>>;
/** What the save indicator and the score summary need of an autosave. */
export type AutosaveStatus = Pick<Autosave<unknown>, 'state' | 'flush'>;
