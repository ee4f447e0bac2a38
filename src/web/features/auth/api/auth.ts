import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ChangePasswordBody, LoginBody, MeResponse } from '../../../../contracts/auth.js';
import { apiRequest } from '../../../lib/api/client.js';
import { storeSession } from '../../../lib/session.js';

export type LoginInput = z.output<typeof LoginBody>;
export type ChangePasswordInput = z.output<typeof ChangePasswordBody>;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => apiRequest('/auth/login', { method: 'POST', body, schema: MeResponse }),
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous user.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'reference' });
      storeSession(queryClient, me);
    },
  });
}

/** The server starts a new session on a password change: keep its new CSRF token. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => apiRequest('/auth/password', { method: 'POST', body, schema: MeResponse }),
    onSuccess: (me) => storeSession(queryClient, me),
  });
}
