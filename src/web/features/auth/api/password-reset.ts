import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import { PasswordResetBody, PasswordResetCheckResponse, PasswordResetRequestBody } from '../../../../contracts/password-reset.js';
import { apiRequest } from '../../../lib/api/client.js';
import { SESSION_KEY } from '../../../lib/session.js';

export type PasswordResetRequestInput = z.output<typeof PasswordResetRequestBody>;
export type PasswordResetInput = z.output<typeof PasswordResetBody>;

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetRequestInput) => apiRequest('/auth/password-reset/request', { method: 'POST', body, schema: OkResponse }),
  });
}

/** Whether the link still works (a POST: the token stays out of URLs and logs). */
export function useCheckResetLink() {
  return useMutation({
    mutationFn: (token: string) => apiRequest('/auth/password-reset/check', { method: 'POST', body: { token }, schema: PasswordResetCheckResponse }),
  });
}

/** Setting the password ends every session of the account, this browser's too: drop what was cached. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordResetInput) => apiRequest('/auth/password-reset', { method: 'POST', body, schema: OkResponse }),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'reference' && query.queryKey[0] !== SESSION_KEY[0] });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
