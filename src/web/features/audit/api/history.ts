import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { AuditList } from '../../../../contracts/registry.js';
import { apiRequest } from '../../../lib/api/client.js';

export type AuditEntry = z.infer<typeof AuditList>['items'][number];
export type AuditedCollection = 'subjects' | 'products';

/** Change history of one record, newest first (admins only). */
export function useHistory(collection: AuditedCollection, id: string, enabled = true) {
  return useQuery({
    queryKey: [collection, 'history', id],
    queryFn: ({ signal }) => apiRequest(`/${collection}/${id}/history`, { schema: AuditList, signal }),
    enabled,
  });
}
