import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { MeResponse, type CurrentUser as CurrentUserSchema } from '../../contracts/auth.js';
import { OkResponse } from '../../contracts/common.js';
import type { UserActor } from '../../domain/policies/index.js';
import { apiRequest, isApiError, setCsrfToken } from './api/client.js';

/**
 * The signed-in user, kept in the query cache under one key: null when signed out. Every page
 * reads it through `useSession`; sign-in, sign-out and a 401 from any request update it.
 */

export type CurrentUser = z.infer<typeof CurrentUserSchema>;
export type Me = z.infer<typeof MeResponse>;

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<CurrentUser | null> {
  try {
    const me = await apiRequest('/auth/me', { schema: MeResponse });
    setCsrfToken(me.csrfToken);
    return me.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** After sign-in or a password change: remember the new CSRF token and the user. */
export function storeSession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(SESSION_KEY, me.user);
}

/** Forget the user and every cached record (they were fetched under that user's scope). */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** Only under the route guard, where a user is known to be signed in. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser called outside the signed-in area');
  return data;
}

/**
 * The signed-in user as the domain policies see it (src/domain/policies), so the UI offers exactly
 * what the server allows: every access question in the web app is asked of this actor.
 */
export function toActor({ id, role, provinceCode, communeCodes, subjectId }: CurrentUser): UserActor {
  return { kind: 'user', userId: id, role, provinceCode, communeCodes, subjectId };
}

export function useActor(): UserActor {
  return toActor(useCurrentUser());
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await apiRequest('/auth/logout', { method: 'POST', schema: OkResponse });
    } finally {
      clearSession(queryClient);
    }
  };
}
