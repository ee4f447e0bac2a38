import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import { NotificationList } from '../../../../contracts/evaluation.js';
import { apiRequest } from '../../../lib/api/client.js';

export type Notification = z.infer<typeof NotificationList>['items'][number];

const KEY = ['notifications'] as const;

/** Checked every minute while the app is open, and whenever the user comes back to the tab. */
export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiRequest('/notifications', { schema: NotificationList, signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) => Promise.all(ids.map((id) => apiRequest(`/notifications/${id}/read`, { method: 'POST', schema: OkResponse }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Marks every notice read in one call. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/notifications/read-all', { method: 'POST', schema: OkResponse }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
