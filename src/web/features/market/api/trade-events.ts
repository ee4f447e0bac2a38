import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import { TradeEvent as TradeEventSchema, TradeEventList, type TradeEventInput as TradeEventInputSchema } from '../../../../contracts/market.js';
import type { Placement, TradeEventKind } from '../../../../domain/market/index.js';
import { apiRequest, apiUpload } from '../../../lib/api/client.js';

export type TradeEvent = z.infer<typeof TradeEventSchema>;
export type TradeEventSummary = z.infer<typeof TradeEventList>['items'][number];
export type TradeEventInput = z.output<typeof TradeEventInputSchema>;

export const TRADE_EVENT_PAGE_SIZE = 20;

export type TradeEventListParams = { q: string; page: number; year: number | null; kind: TradeEventKind | null; placement: Placement | null };

export function useTradeEvents(params: TradeEventListParams) {
  return useQuery({
    queryKey: ['trade-events', 'list', params],
    queryFn: ({ signal }) => apiRequest('/trade-events', { query: { ...params, pageSize: TRADE_EVENT_PAGE_SIZE }, schema: TradeEventList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTradeEvent(id: string) {
  return useQuery({
    queryKey: ['trade-events', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/trade-events/${id}`, { schema: TradeEventSchema, signal }),
  });
}

/** A changed event: its detail is the answer; lists and the dashboard's fair indicators are stale. */
function eventChanged(queryClient: QueryClient, event: TradeEvent) {
  queryClient.setQueryData(['trade-events', 'detail', event.id], event);
  return Promise.all([queryClient.invalidateQueries({ queryKey: ['trade-events', 'list'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]);
}

export function useCreateTradeEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TradeEventInput) => apiRequest('/trade-events', { method: 'POST', body, schema: TradeEventSchema }),
    onSuccess: (event) => eventChanged(queryClient, event),
  });
}

export function useUpdateTradeEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TradeEventInput) => apiRequest(`/trade-events/${id}`, { method: 'PUT', body, schema: TradeEventSchema }),
    onSuccess: (event) => eventChanged(queryClient, event),
  });
}

export function useDeleteTradeEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/trade-events/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['trade-events', 'detail', id] });
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['trade-events', 'list'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]);
    },
  });
}

/** Upload with a progress percentage for the progress bar. */
export function useUploadEventPhoto(eventId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return apiUpload(`/trade-events/${eventId}/photos`, file, TradeEventSchema, { onProgress: setProgress });
    },
    onSuccess: (event) => eventChanged(queryClient, event),
  });
  return { ...mutation, progress };
}

export function useDeleteEventPhoto(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => apiRequest(`/trade-events/${eventId}/photos/${photoId}`, { method: 'DELETE', schema: TradeEventSchema }),
    onSuccess: (event) => eventChanged(queryClient, event),
  });
}
