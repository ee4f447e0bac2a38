import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  CommunicationItem as CommunicationItemSchema,
  CommunicationList,
  type CommunicationItemInput as CommunicationItemInputSchema,
} from '../../../../contracts/programme.js';
import type { CommunicationKind } from '../../../../domain/programme/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type CommunicationItem = z.infer<typeof CommunicationItemSchema>;
export type CommunicationItemInput = z.output<typeof CommunicationItemInputSchema>;

export const COMMUNICATION_PAGE_SIZE = 20;

export type CommunicationListParams = { q: string; page: number; year: number | null; kind: CommunicationKind | null };

export function useCommunicationItems(params: CommunicationListParams) {
  return useQuery({
    queryKey: ['communication', 'list', params],
    queryFn: ({ signal }) => apiRequest('/communication', { query: { ...params, pageSize: COMMUNICATION_PAGE_SIZE }, schema: CommunicationList, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Communication counts among the dashboard's indicators. */
function communicationChanged(queryClient: QueryClient) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: ['communication'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]);
}

export function useSaveCommunicationItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CommunicationItemInput }) =>
      id === null
        ? apiRequest('/communication', { method: 'POST', body, schema: CommunicationItemSchema })
        : apiRequest(`/communication/${id}`, { method: 'PUT', body, schema: CommunicationItemSchema }),
    onSuccess: () => communicationChanged(queryClient),
  });
}

export function useDeleteCommunicationItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/communication/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: () => communicationChanged(queryClient),
  });
}
