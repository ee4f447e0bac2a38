import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  SupportGrant as SupportGrantSchema,
  SupportGrantList,
  SupportPolicy as SupportPolicySchema,
  SupportPolicyList,
  type SupportGrantInput as SupportGrantInputSchema,
  type SupportPolicyInput as SupportPolicyInputSchema,
} from '../../../../contracts/programme.js';
import type { GrantStatus, SupportArea } from '../../../../domain/programme/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type SupportPolicy = z.infer<typeof SupportPolicySchema>;
export type SupportPolicyInput = z.output<typeof SupportPolicyInputSchema>;
export type SupportGrant = z.infer<typeof SupportGrantSchema>;
export type SupportGrantInput = z.output<typeof SupportGrantInputSchema>;

export const SUPPORT_PAGE_SIZE = 20;
/** A policy's page lists all its grants at once (a policy funds tens of producers, not thousands). */
const POLICY_GRANTS_PAGE_SIZE = 200;

const POLICIES = '/support/policies';
const GRANTS = '/support/grants';

export type PolicyListParams = { q: string; page: number; year: number | null; area: SupportArea | null };

export function usePolicies(params: PolicyListParams) {
  return useQuery({
    queryKey: ['support', 'policies', params],
    queryFn: ({ signal }) => apiRequest(POLICIES, { query: { ...params, pageSize: SUPPORT_PAGE_SIZE }, schema: SupportPolicyList, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every policy of a year, for the grant list's policy filter. */
export function usePolicyOptions(year: number | null) {
  return useQuery({
    queryKey: ['support', 'policies', 'options', year],
    queryFn: ({ signal }) => apiRequest(POLICIES, { query: { year, pageSize: 200 }, schema: SupportPolicyList, signal }),
  });
}

export function usePolicy(id: string) {
  return useQuery({
    queryKey: ['support', 'policy', id],
    queryFn: ({ signal }) => apiRequest(`${POLICIES}/${id}`, { schema: SupportPolicySchema, signal }),
  });
}

export type GrantListParams = {
  q: string;
  page: number;
  year: number | null;
  policyId: string | null;
  subjectId: string | null;
  status: GrantStatus | null;
};

export function useGrants(params: GrantListParams, pageSize = SUPPORT_PAGE_SIZE) {
  return useQuery({
    queryKey: ['support', 'grants', params, pageSize],
    queryFn: ({ signal }) => apiRequest(GRANTS, { query: { ...params, pageSize }, schema: SupportGrantList, signal }),
    placeholderData: keepPreviousData,
  });
}

export const usePolicyGrants = (policyId: string) =>
  useGrants({ q: '', page: 1, year: null, policyId, subjectId: null, status: null }, POLICY_GRANTS_PAGE_SIZE);

/**
 * Support figures show on policies (committed, disbursed), business plans (grants total), the
 * producers' pages and the dashboard: all stale after a change.
 */
function supportChanged(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['support'] }),
    queryClient.invalidateQueries({ queryKey: ['ideas', 'detail'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SupportPolicyInput }) =>
      id === null
        ? apiRequest(POLICIES, { method: 'POST', body, schema: SupportPolicySchema })
        : apiRequest(`${POLICIES}/${id}`, { method: 'PUT', body, schema: SupportPolicySchema }),
    onSuccess: () => supportChanged(queryClient),
  });
}

export function useDeletePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${POLICIES}/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['support', 'policy', id] });
      return supportChanged(queryClient);
    },
  });
}

export function useSaveGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SupportGrantInput }) =>
      id === null
        ? apiRequest(GRANTS, { method: 'POST', body, schema: SupportGrantSchema })
        : apiRequest(`${GRANTS}/${id}`, { method: 'PUT', body, schema: SupportGrantSchema }),
    onSuccess: () => supportChanged(queryClient),
  });
}

export function useDeleteGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${GRANTS}/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: () => supportChanged(queryClient),
  });
}
