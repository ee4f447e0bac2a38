import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ResetPasswordResponse,
  User as UserSchema,
  UserCreated,
  UserList,
  type ResetPasswordBody,
  type UserCreateBody,
  type UserUpdateBody,
} from '../../../../contracts/users.js';
import type { Role } from '../../../../domain/policies/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type User = z.infer<typeof UserSchema>;
export type UserCreateInput = z.output<typeof UserCreateBody>;
export type UserUpdateInput = z.output<typeof UserUpdateBody>;
export type ResetPasswordInput = z.output<typeof ResetPasswordBody>;

export const USER_PAGE_SIZE = 20;

export type UserListParams = { q: string; page: number; role: Role | null; active: 'true' | 'false' | null };

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => apiRequest('/users', { query: { ...params, pageSize: USER_PAGE_SIZE }, schema: UserList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: ['users', 'detail', id], queryFn: ({ signal }) => apiRequest(`/users/${id}`, { schema: UserSchema, signal }) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateInput) => apiRequest('/users', { method: 'POST', body, schema: UserCreated }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdateInput) => apiRequest(`/users/${id}`, { method: 'PUT', body, schema: UserSchema }),
    onSuccess: (user) => {
      queryClient.setQueryData(['users', 'detail', id], user);
      return queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (body: ResetPasswordInput) => apiRequest(`/users/${id}/reset-password`, { method: 'POST', body, schema: ResetPasswordResponse }),
  });
}
