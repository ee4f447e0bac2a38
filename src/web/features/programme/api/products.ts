import { useQuery } from '@tanstack/react-query';
import { ProductList } from '../../../../contracts/registry.js';
import { apiRequest } from '../../../lib/api/client.js';

/**
 * A producer's products, to link a business plan or a grant to one of them; the same request (and
 * cache entry) as the subject page's product list.
 */
export function useSubjectProductOptions(subjectId: string | null) {
  return useQuery({
    queryKey: ['products', 'list', { subjectId, pageSize: 200 }],
    queryFn: ({ signal }) => apiRequest('/products', { query: { subjectId, pageSize: 200 }, schema: ProductList, signal }),
    enabled: subjectId !== null,
  });
}
