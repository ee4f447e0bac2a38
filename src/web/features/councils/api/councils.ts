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
import { UserList } from '../../../../contracts/users.js';
import type { CouncilPosition } from '../../../../domain/evaluation/council-rules.js';
import { API_BASE, apiRequest } from '../../../lib/api/client.js';

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

export const minutesUrl = (sessionId: string) => `${API_BASE}/council-sessions/${sessionId}/minutes.docx`;

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

/** Accounts with the council role, to seat them on a council (admin only). */
export function useCouncilUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'council', pageSize: 200 }],
    queryFn: ({ signal }) => apiRequest('/users', { query: { role: 'council', active: 'true', pageSize: 200 }, schema: UserList, signal }),
    enabled,
  });
}

export function useSessions() {
  return useQuery({ queryKey: ['council-sessions', 'list', {}], queryFn: ({ signal }) => apiRequest('/council-sessions', { schema: z.array(SessionSummarySchema), signal }) });
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
  ]);
}

function useSessionMutation<V>(request: (variables: V) => Promise<Session>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (session) => sessionChanged(queryClient, session) });
}

export const useCreateSession = (councilId: string) =>
  useSessionMutation((body: SessionInput) => apiRequest(`/councils/${councilId}/sessions`, { method: 'POST', body, schema: SessionSchema }));

export const useSetAttendance = (sessionId: string) =>
  useSessionMutation((memberIds: string[]) => apiRequest(`/council-sessions/${sessionId}/attendance`, { method: 'PUT', body: { memberIds }, schema: SessionSchema }));

export const useDeclare = (sessionId: string, dossierId: string) =>
  useSessionMutation((body: { hasConflict: boolean; note?: string }) =>
    apiRequest(`/council-sessions/${sessionId}/dossiers/${dossierId}/declaration`, { method: 'POST', body, schema: SessionSchema }),
  );

export const useRescore = (sessionId: string, dossierId: string) =>
  useSessionMutation(() => apiRequest(`/council-sessions/${sessionId}/dossiers/${dossierId}/rescore`, { method: 'POST', schema: SessionSchema }));

export const useReopenSheet = (sessionId: string) =>
  useSessionMutation(({ sheetId, reason }: { sheetId: string; reason: string }) =>
    apiRequest(`/council-sessions/${sessionId}/sheets/${sheetId}/reopen`, { method: 'POST', body: { reason }, schema: SessionSchema }),
  );

export const useCloseSession = (sessionId: string) => useSessionMutation(() => apiRequest(`/council-sessions/${sessionId}/close`, { method: 'POST', schema: SessionSchema }));

/** The council's aggregated result of a dossier's current scoring round (runners; everyone once closed). */
export function useSessionResult(sessionId: string, dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: resultKey(sessionId, dossierId),
    queryFn: ({ signal }) => apiRequest(`/council-sessions/${sessionId}/dossiers/${dossierId}/result`, { schema: SessionResultSchema, signal }),
    enabled,
  });
}
