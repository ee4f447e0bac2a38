import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ProductList } from '../../../../contracts/registry.js';
import { apiRequest } from '../../../lib/api/client.js';

/** The most the product list answers in one page (PageQuery): a producer's whole range fits. */
const MAX_PAGE = 200;

/** Products found by name (without accents, in the user's scope), for the pickers of this feature. */
export function useProductSearch(q: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['products', 'picker', q],
    queryFn: ({ signal }) => apiRequest('/products', { query: { q, pageSize: 20, status: 'active' }, schema: ProductList, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A producer's products, for choosing which of them it showed at an event. */
export function useSubjectProducts(subjectId: string | null) {
  return useQuery({
    queryKey: ['products', 'picker', 'subject', subjectId],
    queryFn: ({ signal }) => apiRequest('/products', { query: { subjectId, pageSize: MAX_PAGE }, schema: ProductList, signal }),
    enabled: Boolean(subjectId),
    staleTime: 60_000,
  });
}
