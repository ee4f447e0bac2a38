import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Council as CouncilSchema,
  Session as SessionSchema,
  SessionResult as SessionResultSchema,
  SessionSummary as SessionSummarySchema,
  type CouncilCreateBody,
  type SessionCreateBody,
} from '../../../../contracts/councils.js';
import { ScoringSettings } from '../../../../contracts/scoring.js';
import { UserList } from '../../../../contracts/users.js';
import type { CouncilPosition } from '../../../../domain/evaluation/council-rules.js';
import { API_BASE, apiRequest, apiUpload } from '../../../lib/api/client.js';

export type Council = z.infer<typeof CouncilSchema>;
export type CouncilMember = Council['members'][number];
export type Session = z.infer<typeof SessionSchema>;
export type SessionDossier = Session['dossiers'][number];
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
export type SessionResult = z.infer<typeof SessionResultSchema>;
export type CouncilInput = z.input<typeof CouncilCreateBody>;
export type SessionInput = z.input<typeof SessionCreateBody>;
export type { CouncilPosition };

const councilsKey = ['councils', 'list'] as const;
export const sessionKey = (id: string) => ['council-sessions', 'detail', id] as const;
const resultKey = (sessionId: string, dossierId: string) => ['council-sessions', 'result', sessionId, dossierId] as const;

/** The minutes (biên bản): drawn up once the session is closed (409 session_open before). */
export const minutesUrl = (sessionId: string) => `${API_BASE}/council-sessions/${sessionId}/minutes.docx`;
/** The Chair's decision establishing the council (DOCX), for the office. */
export const establishmentUrl = (councilId: string) => `${API_BASE}/councils/${councilId}/establishment.docx`;

export function useCouncils() {
  return useQuery({ queryKey: councilsKey, queryFn: ({ signal }) => apiRequest('/councils', { schema: z.array(CouncilSchema), signal }) });
}

export function useCreateCouncil() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CouncilInput) => apiRequest('/councils', { method: 'POST', body, schema: CouncilSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: councilsKey }),
  });
}

/** Attaches (or replaces) the council's operating rules (Quy chế hoạt động): a PDF or DOCX file. */
export function useAttachRules(councilId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload(`/councils/${councilId}/rules`, file, CouncilSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: councilsKey }),
  });
}

/** The province's scoring settings: the fewest scoring members its council rules allow. */
export function useScoringSettings() {
  return useQuery({
    queryKey: ['settings', 'scoring'],
    queryFn: ({ signal }) => apiRequest('/settings/scoring', { schema: ScoringSettings, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Accounts with the council role, to seat them on a council (admin only). */
export function useCouncilUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'council', pageSize: 200 }],
    queryFn: ({ signal }) => apiRequest('/users', { query: { role: 'council', active: 'true', pageSize: 200 }, schema: UserList, signal }),
    enabled,
  });
}

export function useSessions() {
  return useQuery({
    queryKey: ['council-sessions', 'list', {}],
    queryFn: ({ signal }) => apiRequest('/council-sessions', { schema: z.array(SessionSummarySchema), signal }),
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: sessionKey(id), queryFn: ({ signal }) => apiRequest(`/council-sessions/${id}`, { schema: SessionSchema, signal }) });
}

/** Every session call answers with the session; results and dossiers (closing records scores) may have moved. */
function sessionChanged(queryClient: QueryClient, session: Session) {
  queryClient.setQueryData(sessionKey(session.id), session);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['council-sessions', 'result', session.id] }),
    queryClient.invalidateQueries({ queryKey: ['council-sessions', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['dossiers'] }),
    // A council member's home lists their sheets and declarations to make.
    queryClient.invalidateQueries({ queryKey: ['home', 'council'] }),
  ]);
}

function useSessionMutation<V>(request: (variables: V) => Promise<Session>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (session) => sessionChanged(queryClient, session) });
}

export const useCreateSession = (councilId: string) =>
  useSessionMutation((body: SessionInput) => apiRequest(`/councils/${councilId}/sessions`, { method: 'POST', body, schema: SessionSchema }));

export const useSetAttendance = (sessionId: string) =>
  useSessionMutation((memberIds: string[]) =>
    apiRequest(`/council-sessions/${sessionId}/attendance`, { method: 'PUT', body: { memberIds }, schema: SessionSchema }),
  );

export const useDeclare = (sessionId: string, dossierId: string) =>
  useSessionMutation((body: { hasConflict: boolean; note?: string }) =>
    apiRequest(`/council-sessions/${sessionId}/dossiers/${dossierId}/declaration`, { method: 'POST', body, schema: SessionSchema }),
  );

/**
 * The chair asks for re-scoring with a reason, naming the round seen: a request already handled
 * (another tab, a double click) is refused with 409 stale_scoring_round and opens no second round.
 */
export function useRescore(sessionId: string, dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; scoringRound: number }) =>
      apiRequest(`/council-sessions/${sessionId}/dossiers/${dossierId}/rescore`, { method: 'POST', body, schema: SessionSchema }),
    onSuccess: (session) => sessionChanged(queryClient, session),
    // Refused as stale: show the round as it now stands.
    onError: () => queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) }),
  });
}

export const useReopenSheet = (sessionId: string) =>
  useSessionMutation(({ sheetId, reason }: { sheetId: string; reason: string }) =>
    apiRequest(`/council-sessions/${sessionId}/sheets/${sheetId}/reopen`, { method: 'POST', body: { reason }, schema: SessionSchema }),
  );

export const useCloseSession = (sessionId: string) =>
  useSessionMutation(() => apiRequest(`/council-sessions/${sessionId}/close`, { method: 'POST', schema: SessionSchema }));

/**
 * The council's result of a dossier's current scoring round: before closing, for those who run the
 * session, only its progress (sheets in, quorum, whether to re-score); the full result once closed.
 */
export function useSessionResult(sessionId: string, dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: resultKey(sessionId, dossierId),
    queryFn: ({ signal }) => apiRequest(`/council-sessions/${sessionId}/dossiers/${dossierId}/result`, { schema: SessionResultSchema, signal }),
    enabled,
  });
}
