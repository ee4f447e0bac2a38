import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api/client.js';

/** Only the `total` of a list endpoint is needed: ask for one row. */
const Total = z.object({ total: z.number().int() });

export function useTotal(collection: 'subjects' | 'products' | 'users', enabled: boolean) {
  return useQuery({
    queryKey: [collection, 'list', 'total'],
    queryFn: ({ signal }) => apiRequest(`/${collection}`, { query: { pageSize: 1 }, schema: Total, signal }),
    enabled,
    select: (data) => data.total,
  });
}
