import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Sheet as SheetSchema } from '../../../../contracts/councils.js';
import { apiRequest, apiUploadFiles } from '../../../lib/api/client.js';
import { sessionKey } from './councils.js';

export type Sheet = z.infer<typeof SheetSchema>;
export type SheetChoices = { choices: Record<string, number>; case: 'a' | 'b' | null; disqualifiedReason: string | null };

const sheetPath = (sessionId: string, dossierId: string) => `/council-sessions/${sessionId}/dossiers/${dossierId}/sheet`;
export const mySheetKey = (sessionId: string, dossierId: string) => ['council-sessions', 'sheet', sessionId, dossierId] as const;

const fetchMySheet = (sessionId: string, dossierId: string, signal?: AbortSignal) =>
  apiRequest(sheetPath(sessionId, dossierId), { schema: SheetSchema, ...(signal ? { signal } : {}) });

/** The member's own sheet for the dossier's current round (created empty on first opening). */
export function useMySheet(sessionId: string, dossierId: string) {
  return useQuery({ queryKey: mySheetKey(sessionId, dossierId), queryFn: ({ signal }) => fetchMySheet(sessionId, dossierId, signal) });
}

/** The server's copy now, after a save was refused as stale. */
export const reloadMySheet = (queryClient: QueryClient, sessionId: string, dossierId: string) =>
  queryClient.fetchQuery({ queryKey: mySheetKey(sessionId, dossierId), queryFn: () => fetchMySheet(sessionId, dossierId), staleTime: 0 });

function sheetChanged(queryClient: QueryClient, sheet: Sheet) {
  queryClient.setQueryData(mySheetKey(sheet.sessionId, sheet.dossierId), sheet);
}

/**
 * Saves a draft under the version last received: the server refuses a save made from an older copy
 * (another tab, a reopened sheet) with 409 stale_sheet instead of overwriting.
 */
export async function saveSheet(queryClient: QueryClient, sessionId: string, dossierId: string, body: SheetChoices): Promise<Sheet> {
  const current = queryClient.getQueryData<Sheet>(mySheetKey(sessionId, dossierId));
  const sheet = await apiRequest(sheetPath(sessionId, dossierId), {
    method: 'PUT',
    body: { ...body, expectedVersion: current?.version ?? 1 },
    schema: SheetSchema,
  });
  sheetChanged(queryClient, sheet);
  return sheet;
}

export function useSubmitSheet(sessionId: string, dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`${sheetPath(sessionId, dossierId)}/submit`, { method: 'POST', schema: SheetSchema }),
    onSuccess: (sheet) => {
      sheetChanged(queryClient, sheet);
      return queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) });
    },
  });
}

export type PaperSheetInput = SheetChoices & {
  memberId: string;
  /** The member's declaration made on paper, when they have not declared on the platform. */
  declaration?: { hasConflict: boolean; note?: string };
  /** The signed paper, scanned (PDF or image). */
  scan: File;
};

/**
 * The secretary enters a member's paper sheet with its signed scan (multipart: the fields first,
 * JSON where structured, then the file "scan"); it is submitted at once.
 */
export function usePaperSheet(sessionId: string, dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scan, memberId, choices, case: caseKey, disqualifiedReason, declaration }: PaperSheetInput) =>
      apiUploadFiles(`/council-sessions/${sessionId}/dossiers/${dossierId}/paper-sheets`, [scan], SheetSchema, {
        fieldName: 'scan',
        fields: {
          memberId,
          choices: JSON.stringify(choices),
          case: caseKey ?? '',
          disqualifiedReason: disqualifiedReason ?? '',
          ...(declaration ? { declaration: JSON.stringify(declaration) } : {}),
        },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) }),
        queryClient.invalidateQueries({ queryKey: ['council-sessions', 'result', sessionId] }),
      ]),
  });
}
