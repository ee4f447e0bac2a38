import { useQuery } from '@tanstack/react-query';
import { WhereToBuy } from '../../../../contracts/market.js';
import { apiRequest } from '../../../lib/api/client.js';

export type { WhereToBuy } from '../../../../contracts/market.js';

/** Where a product is sold: the points that carry it with its producer's consent, chains, approved listings. */
export function useWhereToBuy(productId: string) {
  return useQuery({
    queryKey: ['where-to-buy', productId],
    queryFn: ({ signal }) => apiRequest(`/products/${productId}/where-to-buy`, { schema: WhereToBuy, signal }),
  });
}
